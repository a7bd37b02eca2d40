import { describe, expect, it } from 'vitest';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { escalatePage } from '../../../src/escalation/use-cases/escalate-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, person, REQUEST, stranger } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam', 'lucy'], leads: ['nina'] }));
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  return { deps, pageId: page.id, seen: page.stepSeq };
}

describe('escalatePage', () => {
  it('runs the next step now, with the directory as of now, and audits the manual escalation with the click', async () => {
    const { deps, pageId, seen } = await raised();
    const now = minutesAfter(REFERENCE, 1);
    const r = await escalatePage(deps, { pageId, actor: person('nina'), seenStepSeq: seen, clickKey: 'U0NINA001:1.5' }, now);
    expect(r?.kind).toBe('escalated');
    expect(r?.state).toMatchObject({ stepIndex: 1, stepSeq: 2, nextStepDueAt: '2026-11-24T03:23:00.000Z' });
    // lucy (Los Angeles, evening) is skipped: sam is awake and the page is not critical.
    expect(deps.pages.outboxOf(pageId).map((o) => o.personId)).toEqual(['priya', 'sam']);
    expect(deps.pages.audits(pageId).at(-1)).toEqual({ actor: 'nina', action: 'page.escalated', payload: { manual: true, step: 2, pass: 1, click: 'U0NINA001:1.5' } });
    expect(deps.directoryFor.asked.at(-1)).toBe(`registry@${now.toISOString()}`);
  });

  it('escalates one step for one click delivered three times at once, and says so to the repeats', async () => {
    const { deps, pageId, seen } = await raised();
    const now = minutesAfter(REFERENCE, 1);
    const click = { pageId, actor: person('priya'), seenStepSeq: seen };
    const results = await Promise.all([escalatePage(deps, click, now), escalatePage(deps, click, now), escalatePage(deps, click, now)]);
    expect(results.map((r) => r?.kind).sort()).toEqual(['already-escalated', 'already-escalated', 'escalated']);
    expect(results.find((r) => r?.kind === 'already-escalated')).toMatchObject({ step: 2, message: 'already escalated to step 2' });
    expect(deps.pages.audits(pageId).filter((a) => a.action === 'page.escalated')).toHaveLength(1);
    expect((await deps.pages.load(pageId))?.stepIndex).toBe(1);
  });

  it('refuses someone who may not, audited, and leaves the page where it was', async () => {
    const { deps, pageId, seen } = await raised();
    const r = await escalatePage(deps, { pageId, actor: stranger(), seenStepSeq: seen }, minutesAfter(REFERENCE, 1));
    expect(r?.kind).toBe('not-allowed');
    expect((await deps.pages.load(pageId))?.stepIndex).toBe(0);
    expect(deps.audit.entries.map((e) => e.payload)).toEqual([{ action: 'escalate', reason: 'not-in-config', notInConfig: true }]);
  });

  it('refuses once the page is acknowledged, and answers undefined for an unknown page', async () => {
    const { deps, pageId } = await raised();
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    const r = await escalatePage(deps, { pageId, actor: person('nina') }, minutesAfter(REFERENCE, 2));
    expect(r).toMatchObject({ kind: 'refused', message: `page ${pageId} is already acknowledged by @priya` });
    expect(deps.pages.audits(pageId).map((a) => a.action)).toEqual(['page.created', 'page.acknowledged']);
    expect(await escalatePage(deps, { pageId: 'nope', actor: person('nina') }, REFERENCE)).toBeUndefined();
  });
});
