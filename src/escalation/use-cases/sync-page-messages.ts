import type { Notifier } from '../../core/notifier.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { ShowPage } from '../views/paging-message.ts';

export interface SyncPageMessagesDeps {
  pages: Pick<PageStore, 'load' | 'messages' | 'queueTimeline'>;
  notifier: Pick<Notifier, 'update'>;
  showPage: ShowPage;
  log: { warn(details: Record<string, unknown>, message: string): void };
}

/**
 * Brings every message of the page (the channel post and each DM) up to date, and hands the new
 * timeline entries to a thread delivery (a job of its own, retried until posted).
 */
export async function syncPageMessages(deps: SyncPageMessagesDeps, pageId: string, now: Date): Promise<void> {
  const page = await deps.pages.load(pageId);
  if (!page) return;
  const messages = await deps.pages.messages(pageId);
  if (!messages.some((m) => m.kind === 'channel')) return; // the post job syncs once it has posted
  const rendered = deps.showPage(page);
  for (const m of messages) {
    try {
      await deps.notifier.update({ channel: m.channel, ts: m.ts }, rendered);
    } catch (err) {
      // One DM that cannot be updated (a deactivated user) must not keep the others stale.
      deps.log.warn({ err, page: pageId, channel: m.channel }, 'could not update a page message');
    }
  }
  await deps.pages.queueTimeline(pageId, now);
}
