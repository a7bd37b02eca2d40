import { z } from 'zod';
import type { Notifier } from '../../core/notifier.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { shouldDeliver } from '../domain/effects.ts';
import type { PageLocks } from '../page-locks.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';
import type { ShowPage } from '../views/paging-message.ts';

export interface PageNotifyDeps {
  pages: Pick<PageStore, 'outboxEntry' | 'deliver'>;
  locks: PageLocks;
  notifier: Pick<Notifier, 'dm'>;
  showPage: ShowPage;
  metrics: Pick<PagingMetrics, 'notification'>;
}

/**
 * `page-notify`: one person's DM of a page, queued in the page outbox by the step that chose them
 * (the job id is `page-notify:<outbox key>`). Sent only if the page, read again right before the
 * send and under the page's lock, is still triggered: an acknowledgement that landed in between
 * drops it.
 */
export const pageNotifyJob = defineJob('page-notify', z.object({ key: z.string() }), async ({ key }, ctx, deps: PageNotifyDeps) => {
  const entry = await deps.pages.outboxEntry(key);
  if (!entry || entry.sentAt !== null || entry.droppedAt !== null) return;
  const outcome = await deps.locks.with(entry.effect.pageId, () =>
    deps.pages.deliver(key, ctx.now, {
      wanted: shouldDeliver,
      send: (page, effect) => deps.notifier.dm(effect.slackId, deps.showPage(page)),
    }),
  );
  if (outcome === 'sent' || outcome === 'dropped') deps.metrics.notification(outcome);
});
