import { z } from 'zod';
import type { Notifier, PostedMessage } from '../../core/notifier.ts';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { JOB_PRIORITY } from '../../platform/jobs/job-priority.ts';
import { shouldDeliver } from '../domain/effects.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';
import type { ShowPage } from '../views/paging-message.ts';

export interface PageNotifyDeps {
  pages: Pick<PageStore, 'beginDelivery' | 'finishDelivery' | 'dropDelivery' | 'releaseDelivery'>;
  notifier: Pick<Notifier, 'dm'>;
  /** The DM delivered with this key, if Slack has it (an earlier attempt's answer was lost). */
  findDm(slackId: string, key: string): Promise<PostedMessage | undefined>;
  showPage: ShowPage;
  metrics: Pick<PagingMetrics, 'notification'>;
  home: HomeRefresher;
}

/** The delivery key a page DM carries in its Slack metadata. */
export function dmDeliveryKey(outboxKey: string): string {
  return `page-notify:${outboxKey}`;
}

/**
 * `page-notify`: one person's DM of a page, queued in the page outbox by the step that chose them
 * (the job id is `page-notify:<outbox key>`). The ack-wins gate in three parts, none holding a
 * transaction, a connection or a lock while Slack answers:
 *  1. decide on the page as it is now: still triggered → mark "sending" (this run holds it) and
 *     commit; else drop. A second run of the job (a lost lease) waits for the first;
 *  2. send the DM (keyed; looked for first when an earlier attempt got this far);
 *  3. record it. An acknowledgement that committed while the DM was in flight wins: recording
 *     sees it and has the page's messages, this DM included, updated at once; and no later step's
 *     DM is sent, since each is decided in part 1 on the acknowledged page.
 */
export const pageNotifyJob = defineJob('page-notify', z.object({ key: z.string() }), async ({ key }, ctx, deps: PageNotifyDeps) => {
  // One run of this job: a second run (its lease was lost and another worker claimed it) is fenced off.
  const run = `${ctx.worker}#${ctx.job.attempts}`;
  const start = await deps.pages.beginDelivery(key, ctx.now, shouldDeliver, run);
  switch (start.kind) {
    case 'no-page':
    case 'settled-before':
      return;
    case 'busy':
      throw new Error(`the DM ${key} is being sent by another run of this job; retrying after it`);
    case 'dropped':
      deps.metrics.notification('dropped');
      return;
    case 'uncertain': {
      // Acknowledged since an earlier attempt began sending: keep that DM (shown as it is now) if it went out.
      const earlier = await deps.findDm(start.effect.slackId, dmDeliveryKey(key));
      if (earlier) {
        await deps.pages.finishDelivery(key, earlier, ctx.now);
        deps.metrics.notification('sent');
      } else {
        await deps.pages.dropDelivery(key, ctx.now);
        deps.metrics.notification('dropped');
      }
      return;
    }
    case 'send': {
      let dm: PostedMessage;
      try {
        dm = await deps.notifier.dm(start.effect.slackId, deps.showPage(start.page), { key: dmDeliveryKey(key), checkFirst: start.resumed || ctx.job.attempts > 1 });
      } catch (err) {
        // Whether Slack took it is unknown: the retry looks for it before sending (sending_at stays).
        await deps.pages.releaseDelivery(key, run);
        throw err;
      }
      await deps.pages.finishDelivery(key, dm, ctx.now);
      deps.metrics.notification('sent');
      deps.home.refresh([start.effect.personId]);
    }
  }
}, { priority: JOB_PRIORITY.delivery });
