import { describe, expect, it } from 'vitest';
import { resolveIncident } from '../../../src/incidents/use-cases/resolve-incident.ts';
import { ANNOUNCEMENTS, anIncident, ARNAUD, BEN, DIMS, incidentTestDeps, T0 } from '../helpers/fakes.ts';

const at = (min: number) => new Date(T0.getTime() + min * 60_000);

describe('resolveIncident', () => {
  it('lets only the commander or a lead resolve', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS }));
    expect(await resolveIncident(deps, 'inc-1', 'went away', BEN, 'k1')).toEqual({ ok: false, reason: `Only the commander (<@${DIMS}>) or a lead can resolve this incident.` });
    expect((await resolveIncident(deps, 'inc-1', 'cert renewed', ARNAUD, 'k2')).ok).toBe(true);
  });

  it('closes the issue from the outbox, resolves the pages by a job, observes the times and announces', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS, acknowledgedAt: null, pages: { registry: 'page-registry' } }));
    deps.pager.acks.set('page-registry', at(3));
    deps.clock.set(at(45));
    const r = await resolveIncident(deps, 'inc-1', ' cert renewed ', DIMS, 'incident-resolve:V1');
    // The page was acknowledged before the commander acted: that is when the incident was.
    expect(r).toMatchObject({ ok: true, after: { status: 'resolved', resolution: 'cert renewed', resolvedAt: at(45), mitigatedAt: at(45), acknowledgedAt: at(3) } });
    expect(deps.incidents.jobs().map((j) => [j.id, j.kind, j.payload])).toEqual([
      ['incident-github:inc-1:close', 'incident.github', { incidentId: 'inc-1', action: 'close' }],
      ['incident-close-pages:inc-1', 'incident.close-pages', { incidentId: 'inc-1', by: DIMS }],
    ]);
    const metric = await deps.metrics.toAcknowledge.get();
    expect(metric.values.find((v) => v.metricName?.endsWith('_sum'))?.value).toBe(180);
    expect((await deps.metrics.toResolve.get()).values.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(1);
    expect(deps.notifier.textsIn('C0INC1')[0]).toContain(':white_check_mark: *SEV2 resolved:* Registry pulls failing');
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)[0]).toContain('(<#C0INC1>)');
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)[0]).toContain('Acknowledged 3m · mitigated 45m · resolved 45m after declaration.');
  });

  it('schedules no page job for an incident without pages, and resolves once', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    await resolveIncident(deps, 'inc-1', 'done', ARNAUD, 'incident-resolve:V1');
    expect(deps.incidents.jobs().map((j) => j.kind)).toEqual(['incident.github']);
    // A retried delivery meets the resolved incident before its key: the domain's refusal answers it.
    expect(await resolveIncident(deps, 'inc-1', 'done', ARNAUD, 'incident-resolve:V1')).toEqual({ ok: false, reason: 'Incident Registry pulls failing is already resolved.' });
    expect(await resolveIncident(deps, 'inc-1', 'again', ARNAUD, 'incident-resolve:V2')).toMatchObject({ ok: false, reason: expect.stringContaining('already resolved') });
    expect(deps.notifier.textsIn(ANNOUNCEMENTS)).toHaveLength(1);
  });
});
