import { describe, expect, it } from 'vitest';
import { pageStepJob } from '../../../src/escalation/jobs/page-step.ts';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { fakeJobContext, inMemoryPaging, person, REQUEST } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya', owners: ['sam'] }));
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  return { deps, pageId: page.id, step: pageStepJob.bind(deps) };
}

describe('the page-step job', () => {
  it('fires the step it was scheduled for, audits it with its due time, and completes in the same change', async () => {
    const { deps, pageId, step } = await raised();
    const due = minutesAfter(REFERENCE, 5);
    const ctx = fakeJobContext({ id: `${pageId}:step:1`, kind: 'page-step', dueAt: due }, minutesAfter(due, 0.5));
    await step.run({ pageId, stepSeq: 1 }, ctx);
    expect(deps.pages.outboxOf(pageId).map((o) => o.personId)).toEqual(['priya', 'sam']);
    expect(deps.pages.audits(pageId).at(-1)).toEqual({ actor: 'system', action: 'page.escalated', payload: { step: 2, pass: 1, dueAt: '2026-11-24T03:17:00.000Z' } });
    expect(deps.pages.completions).toEqual([ctx]);
  });

  it('declares the policy exhausted after the last step', async () => {
    const { deps, pageId, step } = await raised();
    await step.run({ pageId, stepSeq: 1 }, fakeJobContext({ id: `${pageId}:step:1`, kind: 'page-step' }, minutesAfter(REFERENCE, 5)));
    await step.run({ pageId, stepSeq: 2 }, fakeJobContext({ id: `${pageId}:step:2`, kind: 'page-step' }, minutesAfter(REFERENCE, 15)));
    expect(deps.pages.audits(pageId).at(-1)).toEqual({ actor: 'system', action: 'page.exhausted', payload: { passes: 1 } });
    expect((await deps.pages.load(pageId))?.exhaustedAt).toBe('2026-11-24T03:27:00.000Z');
  });

  it('changes nothing for a stale job (acknowledged page, or a step already fired), but still completes it', async () => {
    const { deps, pageId, step } = await raised();
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    const changes = deps.pages.changes.length;
    const ctx = fakeJobContext({ id: `${pageId}:step:1`, kind: 'page-step' }, minutesAfter(REFERENCE, 5));
    await step.run({ pageId, stepSeq: 1 }, ctx);
    expect(deps.pages.changes).toHaveLength(changes);
    expect(deps.pages.completions).toEqual([ctx]);
    expect(deps.pages.outboxOf(pageId).map((o) => o.personId)).toEqual(['priya']);
  });

  it('fails for good on a payload that is not a step (a row written by another version)', async () => {
    const { step } = await raised();
    await expect(step.run({ pageId: 'x', stepSeq: '1' }, fakeJobContext({ id: 'x:step:1', kind: 'page-step' }, REFERENCE))).rejects.toBeInstanceOf(PermanentJobError);
  });
});
