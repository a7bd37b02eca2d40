import { describe, expect, it } from 'vitest';
import { resolveIncident } from '../../../src/incidents/use-cases/resolve-incident.ts';
import { actor, ANNOUNCEMENTS, anIncident, ARNAUD, BEN, deliverPosts, DIMS, incidentTestDeps, T0 } from '../helpers/fakes.ts';

const at = (min: number) => new Date(T0.getTime() + min * 60_000);

describe('resolveIncident', () => {
  it('lets only the stored commander or a lead resolve', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS }));
    expect(await resolveIncident(deps, 'inc-1', 'went away', actor(BEN), 'k1')).toEqual({ ok: false, refused: 'resolve', reason: `Only the commander (<@${DIMS}>) or a lead can resolve this incident.` });
    expect(deps.incidents.effects).toEqual([]);
    expect((await resolveIncident(deps, 'inc-1', 'cert renewed', actor(ARNAUD), 'k2')).ok).toBe(true);
  });

  it('closes the issue from the outbox, resolves the pages by a job, observes the times and queues the announcements', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS, acknowledgedAt: null, pages: { registry: 'page-registry' } }));
    deps.pager.acks.set('page-registry', at(3));
    deps.clock.set(at(45));
    const r = await resolveIncident(deps, 'inc-1', ' cert renewed ', actor(DIMS), 'incident-resolve:V1');
    // The page was acknowledged before the commander acted: that is when the incident was.
    expect(r).toMatchObject({ ok: true, after: { status: 'resolved', resolution: 'cert renewed', resolvedAt: at(45), mitigatedAt: at(45), acknowledgedAt: at(3) } });
    expect(deps.incidents.jobs().map((j) => [j.id.replace(/[0-9a-f]{16}/, 'KEY'), j.kind])).toEqual([
      ['incident-github:inc-1:close', 'incident.github'],
      ['incident-close-pages:inc-1', 'incident.close-pages'],
      ['incident-post:inc-1:KEY:resolved-channel', 'incident.post'],
      ['incident-post:inc-1:KEY:resolved-announcements', 'incident.post'],
    ]);
    expect(deps.incidents.jobs('incident.close-pages')[0]?.payload).toEqual({ incidentId: 'inc-1', by: DIMS });
    const metric = await deps.metrics.toAcknowledge.get();
    expect(metric.values.find((v) => v.metricName?.endsWith('_sum'))?.value).toBe(180);
    expect((await deps.metrics.toResolve.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(1);
    await deliverPosts(deps);
    expect(deps.notifier.textsIn('C0INC1')[0]).toContain(':white_check_mark: *SEV2 resolved:* Registry pulls failing');
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)[0]).toContain('(<#C0INC1>)');
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)[0]).toContain('Acknowledged 3m · mitigated 45m · resolved 45m after declaration.');
  });

  it('schedules no page job for an incident without pages, and resolves once', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    await resolveIncident(deps, 'inc-1', 'done', actor(ARNAUD), 'incident-resolve:V1');
    expect(deps.incidents.jobs().map((j) => j.kind)).toEqual(['incident.github', 'incident.post', 'incident.post']);
    // A retried delivery meets the resolved incident before its key: the domain's refusal answers it.
    expect(await resolveIncident(deps, 'inc-1', 'done', actor(ARNAUD), 'incident-resolve:V1')).toEqual({ ok: false, reason: 'Incident Registry pulls failing is already resolved.' });
    expect(await resolveIncident(deps, 'inc-1', 'again', actor(ARNAUD), 'incident-resolve:V2')).toMatchObject({ ok: false, reason: expect.stringContaining('already resolved') });
    await deliverPosts(deps);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toHaveLength(1);
  });
});
