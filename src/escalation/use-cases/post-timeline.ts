import type { Notifier } from '../../core/notifier.ts';
import type { PageStore, TimelineBatch } from '../ports/page-store.ts';
import { timelineReplies } from '../views/paging-message.ts';

export interface PostTimelineDeps {
  pages: Pick<PageStore, 'load' | 'messages' | 'timelineCursor' | 'timelineDelivered'>;
  notifier: Pick<Notifier, 'post'>;
}

/** The delivery key of one reply of a batch: stable, because a batch's entries never change. */
export function threadReplyKey(batch: TimelineBatch, index: number): string {
  return `page-thread:${batch.pageId}:${batch.from}:${index}`;
}

/**
 * Posts one batch of a page's timeline in its channel thread, then moves the thread's cursor past
 * it (which hands out whatever was added meanwhile). On a retry (`retry`: an earlier attempt may
 * have posted some replies before failing or dying) each reply is looked for before it is posted.
 */
export async function postTimeline(deps: PostTimelineDeps, batch: TimelineBatch, options: { retry: boolean }, now: Date): Promise<void> {
  const cursor = await deps.pages.timelineCursor(batch.pageId);
  // Posted before (a run that committed and then lost its job row): nothing to do.
  if (!cursor || cursor.posted >= batch.to) return;
  const page = await deps.pages.load(batch.pageId);
  const channel = (await deps.pages.messages(batch.pageId)).find((m) => m.kind === 'channel');
  if (!page || !channel) return;
  const replies = timelineReplies(page.timeline.slice(batch.from, batch.to));
  for (const [i, text] of replies.entries()) {
    await deps.notifier.post(channel.channel, { text, threadTs: channel.ts }, { key: threadReplyKey(batch, i), checkFirst: options.retry });
  }
  await deps.pages.timelineDelivered(batch, now);
}
