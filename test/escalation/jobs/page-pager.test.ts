import { describe, expect, it } from 'vitest';
import { pagePagerJob } from '../../../src/escalation/jobs/page-pager.ts';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { fakeJobContext, inMemoryPaging, person, REQUEST } from '../in-memory-paging.ts';

async function raised() {
  const deps = inMemoryPaging(directory({ primary: 'priya' }), { hasPager: true });
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  const effects = () => deps.pages.effectsOf(page.id, 'pager');
  const run = (index: number, now = REFERENCE) => {
    const effect = effects()[index]!;
    return pagePagerJob.bind(deps).run(effect, fakeJobContext({ id: `page-pager:${effect.key}`, kind: 'page-pager' }, now));
  };
  return { deps, pageId: page.id, effects, run };
}

describe('the page-pager job', () => {
  it('triggers the alert and writes the outcome onto the page', async () => {
    const { deps, pageId, run } = await raised();
    await run(0);
    expect(deps.pager.calls).toEqual([{ action: 'trigger', pageId }]);
    expect((await deps.pages.load(pageId))?.pager.trigger).toBe('ok');
    expect(deps.metrics.pagerCalls).toEqual(['trigger:ok']);
  });

  it('queues a retry for a 5xx, and a retry due after the acknowledgement triggers nothing', async () => {
    const { deps, pageId, effects, run } = await raised();
    deps.pager.next.push({ kind: 'retryable', status: 503, message: 'server error' });
    await run(0);
    expect(effects()[1]).toMatchObject({ action: 'trigger', attempt: 2 });
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    await run(1, minutesAfter(REFERENCE, 2));
    expect(deps.pager.calls.map((c) => c.action)).toEqual(['trigger']);
  });

  it('fails for good on a payload that is not a pager effect', async () => {
    const { deps } = await raised();
    await expect(pagePagerJob.bind(deps).run({ kind: 'pager', key: 'k', action: 'page-everyone' }, fakeJobContext({ id: 'page-pager:k', kind: 'page-pager' }, REFERENCE))).rejects.toBeInstanceOf(
      PermanentJobError,
    );
  });
});
