import { z } from 'zod';
import type { Notifier, PostedMessage } from '../../core/notifier.ts';
import { defineJob, type JobContext } from '../../platform/jobs/define-job.ts';
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
 * `page-notify`: the DMs of a page that one step queued in the page outbox, one per person (the
 * job id is `page-notify:<outbox key of the first>`): one job row per step rather than one per
 * person. Each DM goes through its own outbox row's gate, so it is sent at most once whatever
 * the job does: a retry (one DM failed) finds the others settled and sends only what is left.
 * The DMs go out side by side, as separate jobs would. The gate, per DM, in three parts, none
 * holding a transaction, a connection or a lock while Slack answers:
 *  1. decide on the page as it is now: still triggered → mark "sending" (this run holds it) and
 *     commit; else drop. A second run of the job (a lost lease) waits for the first;
 *  2. send the DM (keyed; looked for first when an earlier attempt got this far);
 *  3. record it. An acknowledgement that committed while the DM was in flight wins: recording
 *     sees it and has the page's messages, this DM included, updated at once; and no later step's
 *     DM is sent, since each is decided in part 1 on the acknowledged page.
 */
export const pageNotifyJob = defineJob(
  'page-notify',
  // `{ key }`: one DM, as rows written before DMs were grouped by step.
  z.union([z.object({ keys: z.array(z.string()).min(1) }), z.object({ key: z.string() })]),
  async (payload, ctx, deps: PageNotifyDeps) => {
    const keys = 'keys' in payload ? payload.keys : [payload.key];
    // The DMs overlap while Slack answers, but their store calls go one at a time: a job holds at
    // most one database connection, so the runner's concurrency bounds what it takes from the pool.
    const one = oneAtATime();
    const pages: PageNotifyDeps['pages'] = {
      beginDelivery: (...a) => one(() => deps.pages.beginDelivery(...a)),
      finishDelivery: (...a) => one(() => deps.pages.finishDelivery(...a)),
      dropDelivery: (...a) => one(() => deps.pages.dropDelivery(...a)),
      releaseDelivery: (...a) => one(() => deps.pages.releaseDelivery(...a)),
    };
    const outcomes = await Promise.allSettled(keys.map((key) => notifyOne(key, ctx, { ...deps, pages })));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    // Retried as a whole (with the error's Retry-After, if any); the DMs already sent are skipped then.
    if (failed) throw failed.reason;
  },
  { priority: JOB_PRIORITY.delivery },
);

async function notifyOne(key: string, ctx: JobContext, deps: PageNotifyDeps): Promise<void> {
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
}

/** Runs the calls given to it one after another, in the order they were made. */
function oneAtATime(): <T>(call: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (call) => {
    const next = last.then(call, call);
    last = next.catch(() => undefined);
    return next;
  };
}
