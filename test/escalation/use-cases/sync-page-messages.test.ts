import { describe, expect, it } from 'vitest';
import { acknowledgePage } from '../../../src/escalation/use-cases/acknowledge-page.ts';
import { raisePage } from '../../../src/escalation/use-cases/raise-page.ts';
import { syncPageMessages } from '../../../src/escalation/use-cases/sync-page-messages.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { inMemoryPaging, person, REQUEST } from '../in-memory-paging.ts';

describe('syncPageMessages', () => {
  it('waits for the channel post, then updates every message and hands new timeline entries to one thread delivery at a time', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    await syncPageMessages(deps, page.id, REFERENCE);
    expect(deps.notifier.updates).toEqual([]); // not posted yet: the post job syncs after posting
    expect(deps.pages.threadBatches).toEqual([]);

    await deps.pages.addMessage({ pageId: page.id, channel: 'C-registry', ts: '1.000', kind: 'channel', personId: null }, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'D-priya', ts: '2.000', kind: 'dm', personId: 'priya' }, REFERENCE);
    await syncPageMessages(deps, page.id, REFERENCE);
    expect(deps.notifier.updates.map((u) => u.posted.channel)).toEqual(['C-registry', 'D-priya']);
    const length = page.timeline.length;
    expect(deps.pages.threadBatches).toEqual([{ pageId: page.id, from: 0, to: length }]);

    // The batch is still in flight: a change meanwhile is left for it to hand out, so the thread stays in order.
    await acknowledgePage(deps, { pageId: page.id, actor: person('priya') }, minutesAfter(REFERENCE, 1));
    await syncPageMessages(deps, page.id, minutesAfter(REFERENCE, 1));
    expect(deps.notifier.updates.at(-1)?.message.text).toBe('[ACKNOWLEDGED] registry (warning): image pulls failing');
    expect(deps.pages.threadBatches).toHaveLength(1);
    expect(await deps.pages.timelineDelivered({ pageId: page.id, from: 0, to: length }, minutesAfter(REFERENCE, 1))).toEqual({ pageId: page.id, from: length, to: length + 1 });
  });

  it('keeps updating the other messages when one cannot be updated', async () => {
    const deps = inMemoryPaging(directory({ primary: 'priya' }));
    const { page } = await raisePage(deps, REQUEST, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'C-registry', ts: '1.000', kind: 'channel', personId: null }, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'D-gone', ts: '2.000', kind: 'dm', personId: 'lucy' }, REFERENCE);
    await deps.pages.addMessage({ pageId: page.id, channel: 'D-priya', ts: '3.000', kind: 'dm', personId: 'priya' }, REFERENCE);
    deps.notifier.failingUpdates.add('D-gone');
    await syncPageMessages(deps, page.id, REFERENCE);
    expect(deps.notifier.updates.map((u) => u.posted.channel)).toEqual(['C-registry', 'D-priya']);
    expect(deps.warnings).toEqual(['could not update a page message']);
  });
});
