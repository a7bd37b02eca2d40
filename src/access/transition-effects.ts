import { jobKey } from './domain/access-request.ts';
import type { Transition } from './domain/access-request-lifecycle.ts';
import { deliverAccessEffectsJob } from './jobs/deliver-access-effects.ts';
import { expireAccessJob } from './jobs/expire-access.ts';
import { openAccessPullRequestJob } from './jobs/open-access-pull-request.ts';
import { prepareRemovalJob } from './jobs/prepare-removal.ts';
import { supersedeAccessJob } from './jobs/supersede-access.ts';
import { remindBeforeExpiryJob } from './jobs/remind-before-expiry.ts';
import type { DeliveryEffect } from './use-cases/deliver-access-effects.ts';
import { audit, cancel, deliverOnce, schedule, type Effect } from '../platform/outbox/effects.ts';

/**
 * A transition's effects in the outbox vocabulary, written with the request in one transaction:
 * the audit entry, the timed jobs and their cancellation, the pull request job, and one outbox
 * job for everything that talks to Slack or Google. Job ids are the ones deployed databases hold.
 */
export function outboxEffects(t: Transition, now: Date, options: { auditSink: boolean }): Effect[] {
  const id = t.request.id;
  const effects: Effect[] = [];
  const deliveries: DeliveryEffect[] = [];
  for (const e of t.effects) {
    switch (e.type) {
      case 'audit':
        effects.push(audit(e.entry));
        if (options.auditSink) deliveries.push(e);
        break;
      case 'schedule': {
        const job = e.job === 'expiry' ? expireAccessJob : remindBeforeExpiryJob;
        effects.push(schedule(job.request({ id: e.key, dueAt: e.dueAt, payload: { requestId: id, ...(e.days !== undefined ? { days: e.days } : {}) } })));
        break;
      }
      case 'cancel-scheduled':
        effects.push(cancel(e.jobId ?? jobKey(id, e.job)));
        break;
      case 'supersede':
        effects.push(schedule(supersedeAccessJob.request({ id: `access:${e.originalId}:superseded-by:${id}`, dueAt: now, payload: { requestId: e.originalId, by: id } })));
        break;
      case 'prepare-removal':
        effects.push(schedule(prepareRemovalJob.request({ id: `access:${id}:prepare-removal`, dueAt: now, payload: { requestId: id } })));
        break;
      case 'open-pr':
        effects.push(schedule(openAccessPullRequestJob.request({ id: `access:${id}:open-pr:${e.change}`, dueAt: now, payload: { requestId: id } })));
        break;
      default:
        deliveries.push(e);
    }
  }
  if (deliveries.length > 0) {
    const key = `access:${id}:effects:v${t.request.version}`;
    effects.push(deliverOnce(key, deliverAccessEffectsJob.request({ id: key, dueAt: now, payload: { requestId: id, effects: deliveries } })));
  }
  return effects;
}
