import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import { recordRemovalPrepared } from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { CodeHost } from '../ports/code-host.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import { isPermanentPullRequestError, prepareRemovalBranch } from './open-access-pull-request.ts';

export interface PrepareRemovalDeps {
  requests: AccessRequests;
  codeHost: () => CodeHost;
  clock: Clock;
  baseBranch: string;
  log: Pick<Logger, 'warn'>;
}

/**
 * The prepare-removal job: the day temporary access is granted, the removal branch is made (GitHub
 * first, outside any transaction), then recorded with the job's completion. A file the bot cannot
 * edit is logged and left: at expiry the removal is attempted again and fails the request then.
 */
export async function prepareRemoval(deps: PrepareRemovalDeps, requestId: string, job: JobContext): Promise<void> {
  const request = await deps.requests.get(requestId);
  if (!request || request.removalPrepared || request.status !== 'fulfilled' || !request.expiresAt) return;
  let prepared: { branch: string } | undefined;
  try {
    prepared = await prepareRemovalBranch(deps.codeHost(), request, deps.baseBranch);
  } catch (err) {
    if (!isPermanentPullRequestError(err)) throw err;
    deps.log.warn({ request: requestId, err: err.message }, 'the removal could not be prepared; it is tried again at expiry');
    return;
  }
  if (!prepared) return;
  const t = recordRemovalPrepared(request, prepared.branch, deps.clock.now());
  if (!(await deps.requests.save(request, t, { job }))) throw new Error(`access request ${requestId} changed while its removal was prepared`);
}
