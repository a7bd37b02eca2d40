import { describe, expect, it } from 'vitest';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { syncPageMessages } from '../../../src/escalation/use-cases/sync-page-messages.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, REQUEST } from '../in-memory-paging.ts';

describe('syncPageMessages', () => {
  it('waits for the channel post, then updates every message and posts each timeline entry once in the thread', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    await syncPageMessages(deps, page.id);
    expect(deps.notifier.updates).toEqual([]); // not posted yet: the post job syncs after posting

    await deps.pages.addMessage({ pageId: page.id, channel: 'C-registry', ts: '1.000', kind: 'channel', personId: null }, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'D-priya', ts: '2.000', kind: 'dm', personId: 'priya' }, REFERENCE);
    await syncPageMessages(deps, page.id);
    expect(deps.notifier.updates.map((u) => u.posted.channel)).toEqual(['C-registry', 'D-priya']);
    const thread = deps.notifier.posts.filter((p) => p.message.threadTs === '1.000');
    expect(thread).toHaveLength(1);
    expect(thread[0]!.message.text).toContain('page triggered by @nina');

    // Nothing new: the messages are refreshed, the thread gets nothing twice.
    await syncPageMessages(deps, page.id);
    expect(deps.notifier.posts.filter((p) => p.message.threadTs === '1.000')).toHaveLength(1);

    await acknowledgePage(deps, { pageId: page.id, by: 'priya' }, minutesAfter(REFERENCE, 1));
    await syncPageMessages(deps, page.id);
    expect(deps.notifier.updates.at(-1)?.message.text).toBe('[ACKNOWLEDGED] registry (warning): image pulls failing');
    expect(deps.notifier.posts.at(-1)?.message.text).toMatch(/`03:13` acknowledged by @priya$/);
  });

  it('keeps updating the other messages when one cannot be updated', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'C-registry', ts: '1.000', kind: 'channel', personId: null }, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'D-gone', ts: '2.000', kind: 'dm', personId: 'lucy' }, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'D-priya', ts: '3.000', kind: 'dm', personId: 'priya' }, REFERENCE);
    deps.notifier.failingUpdates.add('D-gone');
    await syncPageMessages(deps, page.id);
    expect(deps.notifier.updates.map((u) => u.posted.channel)).toEqual(['C-registry', 'D-priya']);
    expect(deps.warnings).toEqual(['could not update a page message']);
  });
});
