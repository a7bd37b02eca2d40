import { cancel, deliverOnce, schedule, type Effect } from '../../platform/outbox/effects.ts';
import type { EscalationEffect } from '../domain/effects.ts';
import type { PageState } from '../domain/page-state.ts';
import { pageNotifyJob } from '../jobs/page-notify.ts';
import { pagePagerJob } from '../jobs/page-pager.ts';
import { pagePostJob } from '../jobs/page-post.ts';
import { pageStepJob, stepJobId } from '../jobs/page-step.ts';
import { pageSyncJob } from '../jobs/page-sync.ts';
import { pageThreadJob } from '../jobs/page-thread.ts';
import type { TimelineBatch } from '../ports/page-store.ts';

/**
 * The jobs a page change asks for, as the platform's effects (written in the change's
 * transaction). Job ids are idempotency keys and rows in flight carry them: keep them as they are.
 * A `notify` effect also writes its page-outbox row; the repository does that, it is paging's own table.
 */
export function pageJobEffects(state: PageState, effects: readonly EscalationEffect[], now: Date): Effect[] {
  const out: Effect[] = [];
  // The DMs a change queues go out by one job, named for the first (its key is unique to this step).
  const notify = effects.filter((e) => e.kind === 'notify').map((e) => e.key);
  if (notify.length > 0) out.push(deliverOnce(`page-notify:${notify[0]}`, pageNotifyJob.request({ id: `page-notify:${notify[0]}`, dueAt: now, payload: { keys: notify } })));
  for (const e of effects) {
    switch (e.kind) {
      case 'notify':
        break;
      case 'schedule-next-step':
        out.push(schedule(pageStepJob.request({ id: e.key, dueAt: new Date(e.dueAt), payload: { pageId: e.pageId, stepSeq: e.stepSeq } })));
        break;
      case 'cancel-next-step':
        // Tidiness only: a stale step job is a no-op (stepSeq check). Step jobs are numbered from 1
        // and the page's stepSeq is the last one scheduled; earlier ones are done, or pending and
        // stale after an "Escalate now". Cancelling a done one changes nothing.
        for (let seq = 1; seq <= state.stepSeq; seq++) out.push(cancel(stepJobId(e.pageId, seq)));
        break;
      case 'pager':
        out.push(schedule(pagePagerJob.request({ id: `page-pager:${e.key}`, dueAt: e.dueAt ? new Date(e.dueAt) : now, payload: e })));
        break;
      case 'policy-exhausted':
        break;
    }
  }
  // Every change is shown on Slack: one sync job per version (ids are idempotency keys).
  out.push(schedule(pageSyncJob.request({ id: `page-sync:${state.id}:${state.version}`, dueAt: now, payload: { pageId: state.id } })));
  return out;
}

/** A new page is posted in its channel once. */
export function pagePostEffect(state: PageState, now: Date): Effect {
  return deliverOnce(`page-post:${state.id}`, pagePostJob.request({ id: `page-post:${state.id}`, dueAt: now, payload: { pageId: state.id } }));
}

/** One batch of timeline entries for the page's thread, a delivery retried until it is posted. */
export function pageThreadEffect(batch: TimelineBatch, now: Date): Effect {
  const key = `page-thread:${batch.pageId}:${batch.from}`;
  return deliverOnce(key, pageThreadJob.request({ id: key, dueAt: now, payload: batch }));
}

/** A DM recorded after its page was acknowledged or resolved is brought up to date at once. */
export function pageSyncAfterDelivery(state: PageState, outboxKey: string, now: Date): Effect {
  return schedule(pageSyncJob.request({ id: `page-sync:${state.id}:${state.version}:${outboxKey}`, dueAt: now, payload: { pageId: state.id } }));
}
