import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import { remindBeforeExpiryDays } from '../domain/access-expiry.ts';
import { changeRequest } from './change-request.ts';

export interface RemindBeforeExpiryDeps {
  requests: AccessRequests;
  clock: Clock;
  policy: lifecycle.AccessPolicy;
}

/** The reminder job: tells the requester and the grant's approvers, once per reminder, that temporary access ends soon (completes the job with the change). */
export async function remindBeforeExpiry(deps: RemindBeforeExpiryDeps, requestId: string, job: JobContext, days?: number): Promise<void> {
  const now = deps.clock.now();
  await changeRequest(deps.requests, requestId, (r) => (days === undefined ? lifecycle.remindBeforeExpiry(r, now, deps.policy) : remindBeforeExpiryDays(r, now, days)), { job });
}
