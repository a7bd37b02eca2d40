import { describe, expect, it } from 'vitest';
import { applyPagerEvent } from '../../../src/escalation/use-cases/apply-pager-event.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

describe('applyPagerEvent', () => {
  it('applies an acknowledgement made in PagerDuty once, without echoing it back, and ignores unknown pages', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }), { hasPager: true });
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    const event = { action: 'acknowledge' as const, pageId: page.id, by: 'Jane Doe', at: '2026-11-24T03:15:00Z', incidentId: 'PINC1', eventId: 'E1' };
    expect(await applyPagerEvent(deps, event, minutesAfter(REFERENCE, 3))).toBe('applied');
    const acked = await deps.pages.load(page.id);
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Jane Doe', acknowledgedVia: 'pagerduty' });
    expect(deps.pages.effectsOf(page.id, 'pager').map((e) => e.action)).toEqual(['trigger']);
    expect(deps.pages.audits(page.id).at(-1)).toEqual({ actor: 'pagerduty:Jane Doe', action: 'page.acknowledged', payload: { via: 'pagerduty', incidentId: 'PINC1', eventId: 'E1' } });
    expect(deps.metrics.settled).toEqual([`${page.id}:acknowledged`]);

    expect(await applyPagerEvent(deps, event, minutesAfter(REFERENCE, 4))).toBe('unchanged');
    expect(await applyPagerEvent(deps, { ...event, pageId: 'someone-elses-alert' }, REFERENCE)).toBe('ignored');
  });

  it('resolves from PagerDuty without the policy for people', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }), { hasPager: true });
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    expect(await applyPagerEvent(deps, { action: 'resolve', pageId: page.id, by: 'Jane Doe', at: '2026-11-24T03:15:00Z' }, minutesAfter(REFERENCE, 3))).toBe('applied');
    expect(await deps.pages.load(page.id)).toMatchObject({ status: 'resolved', resolvedVia: 'pagerduty' });
    expect(deps.pages.audits(page.id).at(-1)?.action).toBe('page.resolved');
  });

  it('ignores and audits a resolution or acknowledgement for a page that was never sent to PagerDuty', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }), { hasPager: false });
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    expect(page.pager.trigger).toBe('skipped');
    for (const action of ['resolve', 'acknowledge'] as const) {
      expect(await applyPagerEvent(deps, { action, pageId: page.id, by: 'Mallory', at: '2026-11-24T03:15:00Z', incidentId: 'PX', eventId: `E-${action}` }, minutesAfter(REFERENCE, 3))).toBe('ignored');
    }
    expect((await deps.pages.load(page.id))?.status).toBe('triggered');
    expect(deps.audit.entries.map((e) => [e.actor, e.action, e.payload.reason, e.payload.event])).toEqual([
      ['pagerduty:Mallory', 'page.refused', 'never-sent-to-pagerduty', 'resolve'],
      ['pagerduty:Mallory', 'page.refused', 'never-sent-to-pagerduty', 'acknowledge'],
    ]);
  });
});
