import type { Clock } from '../../core/clock.ts';
import * as expiry from '../domain/access-expiry.ts';
import type { AccessPolicy } from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import { changeRequest } from './change-request.ts';

export interface SupersedeAccessDeps {
  requests: AccessRequests;
  clock: Clock;
  policy: AccessPolicy;
}

/** The supersede job: the extended request stops, completing the job with the change. */
export async function supersedeAccess(deps: SupersedeAccessDeps, requestId: string, by: string, job: JobContext): Promise<void> {
  await changeRequest(deps.requests, requestId, (r) => expiry.supersedeAccess(r, by, deps.clock.now(), deps.policy), { job });
}
