import { describe, expect, it } from 'vitest';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { escalatePage } from '../../../src/escalation/use-cases/escalate-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam', 'lucy'] }));
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  return { deps, pageId: page.id };
}

describe('escalatePage', () => {
  it('runs the next step now, with the directory as of now, and audits the manual escalation', async () => {
    const { deps, pageId } = await raised();
    const now = minutesAfter(REFERENCE, 1);
    const r = await escalatePage(deps, { pageId, by: 'nina' }, now);
    expect(r?.kind).toBe('escalated');
    expect(r?.state).toMatchObject({ stepIndex: 1, stepSeq: 2, nextStepDueAt: '2026-11-24T03:23:00.000Z' });
    // lucy (Los Angeles, evening) is skipped: sam is awake and the page is not critical.
    expect(deps.pages.outboxOf(pageId).map((o) => o.personId)).toEqual(['priya', 'sam']);
    expect(deps.pages.audits(pageId).at(-1)).toEqual({ actor: 'nina', action: 'page.escalated', payload: { manual: true, step: 2, pass: 1 } });
    expect(deps.directoryFor.asked.at(-1)).toBe(`registry@${now.toISOString()}`);
  });

  it('refuses once the page is acknowledged, and answers undefined for an unknown page', async () => {
    const { deps, pageId } = await raised();
    await acknowledgePage(deps, { pageId, by: 'priya' }, minutesAfter(REFERENCE, 1));
    const r = await escalatePage(deps, { pageId, by: 'nina' }, minutesAfter(REFERENCE, 2));
    expect(r).toMatchObject({ kind: 'refused', message: `page ${pageId} is already acknowledged by @priya` });
    expect(deps.pages.audits(pageId).map((a) => a.action)).toEqual(['page.created', 'page.acknowledged']);
    expect(await escalatePage(deps, { pageId: 'nope', by: 'nina' }, REFERENCE)).toBeUndefined();
  });
});
