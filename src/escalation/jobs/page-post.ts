import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { Notifier } from '../../core/notifier.ts';
import type { PageStore } from '../ports/page-store.ts';
import { syncPageMessages, type SyncPageMessagesDeps } from '../use-cases/sync-page-messages.ts';

export interface PagePostDeps extends SyncPageMessagesDeps {
  pages: SyncPageMessagesDeps['pages'] & Pick<PageStore, 'addMessage'>;
  notifier: SyncPageMessagesDeps['notifier'] & Pick<Notifier, 'post'>;
  /** The subproject's channel, or the alerts channel when it has none. */
  channelFor(subprojectId: string): string;
}

/**
 * `page-post`: the page's message in its channel, once (job id `page-post:<page id>`, and a page
 * with a channel post is not posted again), then everything that happened meanwhile. The post is
 * keyed: a retry (the answer was lost, or the bot died before recording it) finds it first.
 */
export const pagePostJob = defineJob('page-post', z.object({ pageId: z.string() }), async ({ pageId }, ctx, deps: PagePostDeps) => {
  const page = await deps.pages.load(pageId);
  if (!page) return;
  const messages = await deps.pages.messages(pageId);
  if (!messages.some((m) => m.kind === 'channel')) {
    const posted = await deps.notifier.post(deps.channelFor(page.subprojectId), deps.showPage(page), { key: `page-post:${pageId}`, checkFirst: ctx.job.attempts > 1 });
    await deps.pages.addMessage({ pageId, channel: posted.channel, ts: posted.ts, kind: 'channel', personId: null }, ctx.now);
  }
  await syncPageMessages(deps, pageId, ctx.now);
});
