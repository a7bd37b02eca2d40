import { describe, expect, it } from 'vitest';
import { pageIdFor, raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory } from '../domain/directory-fixture.ts';
import { inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

const request = REQUEST;

describe('raisePage', () => {
  it('opens the page with its first step, the audit entry and the metric', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'] }));
    const { page, created } = await raisePage(deps, request, REFERENCE);
    expect(created).toBe(true);
    expect(page.id).toBe(pageIdFor('registry', 'command:T1'));
    expect(page).toMatchObject({ status: 'triggered', stepIndex: 0, policy: { id: 'two-steps' }, pager: { trigger: 'skipped' } });
    expect(deps.pages.outboxOf(page.id)).toEqual([{ personId: 'priya', state: 'pending' }]);
    expect(deps.pages.effectsOf(page.id, 'schedule-next-step')).toEqual([
      { kind: 'schedule-next-step', key: `${page.id}:step:1`, pageId: page.id, dueAt: '2026-11-24T03:17:00.000Z', stepSeq: 1 },
    ]);
    expect(deps.pages.audits(page.id)).toEqual([
      { actor: 'nina', action: 'page.created', payload: { subproject: 'registry', severity: 'warning', summary: 'image pulls failing', policy: 'two-steps' } },
    ]);
    expect(deps.metrics.raised).toEqual([page.id]);
    expect(deps.directoryFor.asked).toEqual(['registry@2026-11-24T03:12:00.000Z']);
  });

  it('is idempotent on the request key: a retried command gets the same page, raised once', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const first = await raisePage(deps, request, REFERENCE);
    const again = await raisePage(deps, { ...request, summary: 'retried' }, new Date(REFERENCE.getTime() + 1000));
    expect(again).toEqual({ page: first.page, created: false });
    expect(deps.pages.changes).toHaveLength(1);
    expect(deps.metrics.raised).toHaveLength(1);
    const other = await raisePage(deps, { ...request, key: 'command:T2' }, REFERENCE);
    expect(other.created).toBe(true);
    expect(other.page.id).not.toBe(first.page.id);
  });

  it('asks the pager only for a subproject that has one', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }), { hasPager: true });
    const { page } = await raisePage(deps, request, REFERENCE);
    expect(page.pager.trigger).toBe('pending');
    expect(deps.pages.effectsOf(page.id, 'pager').map((e) => e.action)).toEqual(['trigger']);
  });

  it('tells the leads at once when nobody is on call', async () => {
    const deps = inMemoryPaging(directory({ owners: ['sam'], leads: ['nina', 'thockin'] }));
    const { page } = await raisePage(deps, request, REFERENCE);
    expect(deps.pages.outboxOf(page.id).map((o) => o.personId)).toEqual(['sam', 'nina', 'thockin']);
    expect(page.timeline.map((e) => e.text)).toContain("nobody is on call for registry (empty rotation): the page goes to the next step and to the group's leads");
  });
});
