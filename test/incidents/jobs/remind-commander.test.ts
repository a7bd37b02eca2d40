import { describe, expect, it } from 'vitest';
import { remindCommanderJob } from '../../../src/incidents/jobs/remind-commander.ts';
import { anIncident, ARNAUD, incidentTestDeps, jobContext, T0 } from '../helpers/fakes.ts';

const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const KIND = 'incident.reminder';

describe('the incident.reminder job', () => {
  it('nudges the commander, notes it, schedules the next nudge and completes in the same write', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    const job = remindCommanderJob.bind(deps);
    const id = 'incident-reminder:inc-1:0:SEV2:0';
    await job.run({ incidentId: 'inc-1', seq: 0, severity: 'SEV2', nudge: 0 }, jobContext({ id, kind: KIND }, at(61)));
    expect(deps.notifier.textsIn('C0INC1')).toEqual([`:alarm_clock: <@${ARNAUD}> no update on this SEV2 for 1h 01m. Post one with \`/k8s-infra incident update &lt;status&gt; &lt;message&gt;\`.`]);
    expect(deps.notifier.posts[0]?.key).toBe(id);
    expect((await deps.incidents.timeline('inc-1')).at(-1)).toEqual({ at: at(61), kind: 'reminder', actor: 'system', text: `Reminded <@${ARNAUD}>: no update for 61 min` });
    expect(deps.incidents.jobs()).toEqual([{ id: 'incident-reminder:inc-1:0:SEV2:1', kind: KIND, dueAt: at(120), payload: { incidentId: 'inc-1', seq: 0, severity: 'SEV2', nudge: 1 } }]);
    expect(deps.incidents.completions).toBe(1);
  });

  it('finds its nudge already posted when retried after a lost answer', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    const job = remindCommanderJob.bind(deps);
    const id = 'incident-reminder:inc-1:0:SEV2:0';
    await job.run({ incidentId: 'inc-1', seq: 0, severity: 'SEV2', nudge: 0 }, jobContext({ id, kind: KIND, attempts: 1 }, at(61)));
    await job.run({ incidentId: 'inc-1', seq: 0, severity: 'SEV2', nudge: 0 }, jobContext({ id, kind: KIND, attempts: 2 }, at(62)));
    expect(deps.notifier.textsIn('C0INC1')).toHaveLength(1);
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'reminder')).toHaveLength(1);
  });

  it('stays quiet when a newer update, a new severity or the resolution superseded it', async () => {
    const deps = incidentTestDeps();
    const job = remindCommanderJob.bind(deps);
    const ctx = jobContext({ id: 'r', kind: KIND }, at(300));
    deps.incidents.put(anIncident({ updateSeq: 1 }));
    await job.run({ incidentId: 'inc-1', seq: 0, severity: 'SEV2', nudge: 0 }, ctx);
    await job.run({ incidentId: 'inc-1', seq: 1, severity: 'SEV3', nudge: 0 }, ctx);
    deps.incidents.put(anIncident({ status: 'resolved' }));
    await job.run({ incidentId: 'inc-1', seq: 0, severity: 'SEV2', nudge: 0 }, ctx);
    await job.run({ incidentId: 'inc-gone', seq: 0, severity: 'SEV2', nudge: 0 }, ctx);
    expect(deps.notifier.posts).toEqual([]);
    expect(deps.incidents.effects).toEqual([]);
  });

  it('refuses a payload with an unknown severity for good', async () => {
    const deps = incidentTestDeps();
    await expect(remindCommanderJob.bind(deps).run({ incidentId: 'inc-1', seq: 0, severity: 'SEV5', nudge: 0 }, jobContext({ id: 'r', kind: KIND }, T0))).rejects.toThrow(/severity/);
  });
});
