import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import { changeRequest } from './change-request.ts';

export interface RemindBeforeExpiryDeps {
  requests: AccessRequests;
  clock: Clock;
  policy: lifecycle.AccessPolicy;
}

/** The reminder job: tells the requester, once, that temporary access ends soon (completes the job with the change). */
export async function remindBeforeExpiry(deps: RemindBeforeExpiryDeps, requestId: string, job: JobContext): Promise<void> {
  await changeRequest(deps.requests, requestId, (r) => lifecycle.remindBeforeExpiry(r, deps.clock.now(), deps.policy), { job });
}
