import { describe, expect, it } from 'vitest';
import { pagePostJob } from '../../../src/escalation/jobs/page-post.ts';
import { pageSyncJob } from '../../../src/escalation/jobs/page-sync.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { REFERENCE, directory } from '../domain/directory-fixture.ts';
import { fakeJobContext, inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

describe('the page-post and page-sync jobs', () => {
  it('post the page in its subproject’s channel once, keyed, and hand its timeline to the thread', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    const post = () => pagePostJob.bind(deps).run({ pageId: page.id }, fakeJobContext({ id: `page-post:${page.id}`, kind: 'page-post' }, REFERENCE));
    await post();
    await post();
    const top = deps.notifier.posts.filter((p) => p.message.threadTs === undefined);
    expect(top.map((p) => [p.channel, p.key])).toEqual([['registry-alerts', `page-post:${page.id}`]]);
    expect(await deps.pages.messages(page.id)).toEqual([{ pageId: page.id, channel: 'C-registry-alerts', ts: top[0]!.ts, kind: 'channel', personId: null }]);
    expect(deps.pages.threadBatches).toEqual([{ pageId: page.id, from: 0, to: page.timeline.length }]);

    await pageSyncJob.bind(deps).run({ pageId: page.id }, fakeJobContext({ id: `page-sync:${page.id}:1`, kind: 'page-sync' }, REFERENCE));
    expect(deps.notifier.updates.map((u) => u.posted.channel)).toEqual(['C-registry-alerts', 'C-registry-alerts', 'C-registry-alerts']);
  });

  it('on a retry finds the post an earlier attempt made (its answer was lost) instead of posting again', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    // The first attempt posted, then died before recording the post.
    await deps.notifier.post('registry-alerts', deps.showPage(page), { key: `page-post:${page.id}` });
    const retry = { ...fakeJobContext({ id: `page-post:${page.id}`, kind: 'page-post' }, REFERENCE) };
    retry.job = { ...retry.job, attempts: 2 };
    await pagePostJob.bind(deps).run({ pageId: page.id }, retry);
    expect(deps.notifier.posts.filter((p) => p.message.threadTs === undefined)).toHaveLength(1);
    expect((await deps.pages.messages(page.id)).map((m) => m.kind)).toEqual(['channel']);
  });
});
