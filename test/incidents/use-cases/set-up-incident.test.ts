import { describe, expect, it } from 'vitest';
import { declareIncident } from '../../../src/incidents/use-cases/declare-incident.ts';
import { setUpIncident } from '../../../src/incidents/use-cases/set-up-incident.ts';
import { ANNOUNCEMENTS, ARNAUD, BEN, DIMS, incidentTestDeps } from '../helpers/fakes.ts';

async function declared(deps: ReturnType<typeof incidentTestDeps>, page = true) {
  const request = { title: 'Registry pulls failing', severity: 'SEV2' as const, services: ['registry', 'prow'], description: 'EU 503s', commander: ARNAUD, declarer: BEN, page };
  return (await declareIncident(deps, request, 'incident-declare:V1')).incident;
}

describe('setUpIncident', () => {
  it('creates the channel, pages the on-call, invites everyone, pins the summary and announces', async () => {
    const deps = incidentTestDeps();
    const { id } = await declared(deps);
    await setUpIncident(deps, id);
    const incident = await deps.incidents.get(id);
    expect(incident).toMatchObject({ channelId: 'C0INC1', channelName: 'inc-20261124-registry-pulls-failing', pages: { registry: 'page-registry' }, summaryTs: deps.notifier.posts[0]?.ts });
    // Only services the group runs are paged (prow belongs to SIG Testing).
    expect(deps.pager.raised).toEqual([
      { subprojectId: 'registry', severity: 'SEV2', summary: 'SEV2 incident: Registry pulls failing', details: 'EU 503s\nIncident channel: #inc-20261124-registry-pulls-failing', by: BEN, key: `incident:${id}:registry` },
    ]);
    expect([...(deps.channels.members.get('C0INC1') ?? [])]).toEqual([ARNAUD, BEN, DIMS]);
    expect(deps.channels.pins).toEqual([{ channel: 'C0INC1', ts: incident?.summaryTs }]);
    expect((await deps.incidents.timeline(id)).map((e) => e.text)).toEqual([
      `Declared SEV2 by <@${BEN}>, commander <@${ARNAUD}>`,
      'Channel <#C0INC1> created',
      `Paged the registry on-call (<@${DIMS}>)`,
    ]);
    const [announcement] = deps.notifier.textsIn(ANNOUNCEMENTS);
    expect(announcement).toContain(':rotating_light: *SEV2 incident declared:* Registry pulls failing');
    expect(announcement).toContain('join <#C0INC1>');
    expect(announcement).toContain('prow.k8s.io is owned by SIG Testing');
    expect(deps.notifier.updates.at(-1)?.posted).toEqual({ channel: 'C0INC1', ts: incident?.summaryTs });
  });

  it('resumes after a crash without a second channel, page entry, summary or announcement', async () => {
    const deps = incidentTestDeps();
    const { id } = await declared(deps);
    await setUpIncident(deps, id, 1);
    // The retry (the job's second attempt) finds the keyed posts Slack already has.
    await setUpIncident(deps, id, 2);
    expect(deps.channels.created).toHaveLength(1);
    expect(deps.pager.raised).toHaveLength(1);
    expect((await deps.incidents.timeline(id)).filter((e) => e.kind === 'page')).toHaveLength(1);
    expect(deps.notifier.textsIn('C0INC1')).toHaveLength(1);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toHaveLength(1);
  });

  it('keys the summary and the announcement, and takes back a channel a lost answer created', async () => {
    const deps = incidentTestDeps();
    const { id } = await declared(deps);
    // The first try created the channel, then its answer was lost.
    await deps.channels.create('inc-20261124-registry-pulls-failing');
    await setUpIncident(deps, id, 2);
    expect(deps.channels.created).toHaveLength(1);
    expect((await deps.incidents.get(id))?.channelId).toBe('C0INC1');
    expect(deps.notifier.posts.map((p) => p.key)).toEqual([`incident-summary:${id}`, `incident-announced:${id}`]);
  });

  it('takes a numeric suffix when the name is taken, and pages no one when asked not to', async () => {
    const deps = incidentTestDeps();
    deps.channels.taken.add('inc-20261124-registry-pulls-failing');
    deps.channels.taken.add('inc-20261124-registry-pulls-failing-2');
    const { id } = await declared(deps, false);
    await setUpIncident(deps, id);
    expect((await deps.incidents.get(id))?.channelName).toBe('inc-20261124-registry-pulls-failing-3');
    expect(deps.pager.raised).toEqual([]);
    expect([...(deps.channels.members.get('C0INC1') ?? [])]).toEqual([ARNAUD, BEN]);
  });

  it('does nothing for an incident it does not know', async () => {
    const deps = incidentTestDeps();
    await setUpIncident(deps, 'inc-gone');
    expect(deps.channels.created).toEqual([]);
  });
});
