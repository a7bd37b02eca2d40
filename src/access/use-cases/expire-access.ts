import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import { changeRequest } from './change-request.ts';

export interface ExpireAccessDeps {
  requests: AccessRequests;
  clock: Clock;
}

/**
 * The expiry job: temporary access is over, so the removal pull request is asked for. A run
 * before the expiry (a clock behind, a job moved) throws, so the runner tries again later.
 */
export async function expireAccess(deps: ExpireAccessDeps, requestId: string, job: JobContext): Promise<void> {
  const t = await changeRequest(deps.requests, requestId, (r) => lifecycle.expireAccess(r, deps.clock.now()), { job });
  if (t?.outcome === 'not-yet') throw new Error(t.message);
}
