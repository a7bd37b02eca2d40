import { describe, expect, it } from 'vitest';
import { changeSeverity } from '../../../src/incidents/use-cases/change-severity.ts';
import { actor, ANNOUNCEMENTS, anIncident, ARNAUD, BEN, deliverPosts, incidentTestDeps, T0 } from '../helpers/fakes.ts';

describe('changeSeverity', () => {
  it('announces the new severity, comments on GitHub and schedules the reminder for its interval', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: BEN }));
    deps.clock.advance(5 * 60_000);
    const now = deps.clock.now();
    const r = await changeSeverity(deps, 'inc-1', 'SEV1', actor(BEN), 'incident-cmd:T1');
    expect(r).toMatchObject({ ok: true, after: { severity: 'SEV1' } });
    expect(deps.incidents.audits().map((a) => [a.action, a.payload])).toEqual([['incident.severity_changed', { entries: [`Severity SEV2 → SEV1 (by <@${BEN}>)`], status: 'investigating', severity: 'SEV1' }]]);
    const [comment, reminder] = deps.incidents.jobs();
    expect(comment).toMatchObject({ id: `incident-github:inc-1:severity:${now.getTime()}:SEV1`, payload: { action: 'comment', body: '**2026-11-24T10:05:00Z** @BenTheElder: Severity changed to SEV1' } });
    // The SEV2 reminder finds itself superseded: the new one has the new severity in its id and payload.
    expect(reminder).toMatchObject({ id: 'incident-reminder:inc-1:0:SEV1:0', dueAt: new Date(T0.getTime() + 30 * 60_000), payload: { severity: 'SEV1', seq: 0, nudge: 0 } });
    await deliverPosts(deps);
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toHaveLength(1);
    expect(deps.notifier.textsIn('C0INC1')).toEqual([`:mag: Severity SEV2 → SEV1 (by <@${BEN}>) (<@${BEN}>)`]);
  });

  it('refuses the severity it already has, and a person who does not steer', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    expect(await changeSeverity(deps, 'inc-1', 'SEV2', actor(ARNAUD), 'incident-cmd:T1')).toEqual({ ok: false, reason: 'The incident is already SEV2.' });
    expect(await changeSeverity(deps, 'inc-1', 'SEV1', actor(BEN), 'incident-cmd:T2')).toMatchObject({ ok: false, refused: 'change-severity' });
    expect(deps.incidents.effects).toEqual([]);
  });
});
