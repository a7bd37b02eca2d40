import { describe, expect, it } from 'vitest';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { postTimeline } from '../../../src/escalation/use-cases/post-timeline.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { syncPageMessages } from '../../../src/escalation/use-cases/sync-page-messages.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, person, REQUEST } from '../in-memory-paging.ts';

async function posted() {
  const deps = inMemoryPaging(directory({ primary: 'priya' }));
  const { page } = await raisePage(deps, REQUEST, REFERENCE);
  await deps.pages.addMessage({ pageId: page.id, channel: 'C-registry', ts: '1.000', kind: 'channel', personId: null }, REFERENCE);
  await syncPageMessages(deps, page.id, REFERENCE);
  const thread = () => deps.notifier.posts.filter((p) => p.message.threadTs === '1.000');
  return { deps, pageId: page.id, batch: deps.pages.threadBatches[0]!, thread };
}

describe('postTimeline', () => {
  it('posts a batch as keyed thread replies, moves the cursor and hands out what came meanwhile', async () => {
    const { deps, pageId, batch, thread } = await posted();
    await acknowledgePage(deps, { pageId, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    await postTimeline(deps, batch, { retry: false }, minutesAfter(REFERENCE, 1));
    expect(thread()).toHaveLength(1);
    expect(thread()[0]).toMatchObject({ key: `page-thread:${pageId}:0:0` });
    expect(thread()[0]!.message.text).toContain('page triggered by @nina');
    expect(await deps.pages.timelineCursor(pageId)).toEqual({ posted: batch.to, scheduled: batch.to + 1 });
    const next = deps.pages.threadBatches[1]!;
    await postTimeline(deps, next, { retry: false }, minutesAfter(REFERENCE, 1));
    expect(thread().at(-1)?.message.text).toMatch(/`03:13` acknowledged by @priya$/);
  });

  it('loses no line when a post fails, and doubles none when the retry finds what the failed attempt posted', async () => {
    const { deps, batch, thread } = await posted();
    deps.notifier.failNextPost = true;
    await expect(postTimeline(deps, batch, { retry: false }, REFERENCE)).rejects.toThrow('slack is down');
    expect(thread()).toHaveLength(0);
    await postTimeline(deps, batch, { retry: true }, REFERENCE);
    expect(thread()).toHaveLength(1);
    // Delivered again after it succeeded (the job row was not completed before a crash): nothing twice.
    await postTimeline(deps, batch, { retry: true }, REFERENCE);
    expect(thread()).toHaveLength(1);
  });
});
