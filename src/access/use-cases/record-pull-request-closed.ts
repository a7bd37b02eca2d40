import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import { changeRequest } from './change-request.ts';

export interface RecordPullRequestClosedDeps {
  requests: AccessRequests;
  clock: Clock;
  policy: lifecycle.AccessPolicy;
}

/**
 * A pull request from one of the bot's access branches was closed: merged grants the access (and
 * schedules the end of temporary access), unmerged closes the request; for a removal pull
 * request, merged ends the access and unmerged keeps it. Undefined when no request has the branch.
 * Idempotent: a redelivered webhook finds the request moved on and changes nothing.
 */
export async function recordPullRequestClosed(deps: RecordPullRequestClosedDeps, closed: lifecycle.PullRequestClosed): Promise<{ requestId: string; outcome: string } | undefined> {
  const request = await deps.requests.findByBranch(closed.branch);
  if (!request) return undefined;
  const t = await changeRequest(deps.requests, request.id, (r) => lifecycle.recordPullRequestClosed(r, closed, deps.clock.now(), deps.policy));
  return { requestId: request.id, outcome: t?.outcome ?? 'gone' };
}
