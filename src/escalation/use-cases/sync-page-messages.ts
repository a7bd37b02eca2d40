import type { Notifier } from '../../core/notifier.ts';
import type { PageStore } from '../ports/page-store.ts';
import { timelineReplies, type ShowPage } from '../views/paging-message.ts';

export interface SyncPageMessagesDeps {
  pages: Pick<PageStore, 'load' | 'messages' | 'timelinePosted' | 'claimTimeline'>;
  notifier: Pick<Notifier, 'update' | 'post'>;
  showPage: ShowPage;
  log: { warn(details: Record<string, unknown>, message: string): void };
}

/**
 * Brings every message of the page (the channel post and each DM) up to date and posts the new
 * timeline entries in the channel thread. Entries are claimed before posting, so two syncs of
 * one page never post the same entry twice.
 */
export async function syncPageMessages(deps: SyncPageMessagesDeps, pageId: string): Promise<void> {
  const page = await deps.pages.load(pageId);
  if (!page) return;
  const messages = await deps.pages.messages(pageId);
  const channel = messages.find((m) => m.kind === 'channel');
  if (!channel) return; // the post job syncs once it has posted
  const rendered = deps.showPage(page);
  for (const m of messages) {
    try {
      await deps.notifier.update({ channel: m.channel, ts: m.ts }, rendered);
    } catch (err) {
      // One DM that cannot be updated (a deactivated user) must not keep the others stale.
      deps.log.warn({ err, page: pageId, channel: m.channel }, 'could not update a page message');
    }
  }
  const posted = await deps.pages.timelinePosted(pageId);
  if (posted >= page.timeline.length) return;
  if (!(await deps.pages.claimTimeline(pageId, posted, page.timeline.length))) return;
  for (const text of timelineReplies(page.timeline.slice(posted))) {
    await deps.notifier.post(channel.channel, { text, threadTs: channel.ts });
  }
}
