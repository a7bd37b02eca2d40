import type { Clock } from '../../core/clock.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { changeRequest } from './change-request.ts';

export interface RecordPullRequestClosedDeps {
  requests: AccessRequests;
  clock: Clock;
  policy: lifecycle.AccessPolicy;
  /** The repository the bot pushes its branches to (`access.headRepo`, else `access.repo`): assumed for requests recorded without it. */
  headRepo: string;
  audit: Pick<AuditLog, 'record'>;
}

export type PullRequestClosedResult = { requestId: string; outcome: string } | { requestId: string; ignored: string };

/**
 * A pull request of the groups repository was closed: the request whose pull request has that
 * number and came from the head repository recorded when the bot opened it moves on (merged
 * grants, or ends temporary access; unmerged closes, or keeps the access). An event that names
 * one of the bot's branches or numbers but is not that pull request (a fork reusing the branch
 * name) changes nothing and is audited. Undefined when no request is concerned.
 * Idempotent: a redelivered webhook finds the request moved on and changes nothing.
 */
export async function recordPullRequestClosed(deps: RecordPullRequestClosedDeps, closed: lifecycle.PullRequestClosed & { sender?: string | undefined }): Promise<PullRequestClosedResult | undefined> {
  const byNumber = await deps.requests.findByPullRequestNumber(closed.number);
  const owner = byNumber && [byNumber.pullRequest, byNumber.removalPullRequest].some((pr) => lifecycle.isSamePullRequest(pr, closed, deps.headRepo)) ? byNumber : undefined;
  if (owner) {
    const t = await changeRequest(deps.requests, owner.id, (r) => lifecycle.recordPullRequestClosed(r, closed, deps.clock.now(), deps.policy, deps.headRepo));
    return { requestId: owner.id, outcome: t?.outcome ?? 'gone' };
  }
  const suspect = byNumber ?? (await deps.requests.findByBranch(closed.branch));
  if (!suspect) return undefined;
  const reason = byNumber ? 'the head repository is not the one the bot opened it from' : 'the branch is the bot’s but the pull request is not';
  await deps.audit.record({
    at: deps.clock.now(),
    actor: closed.sender ? `github:${closed.sender}` : 'github',
    action: 'access.github-event-ignored',
    subject: `access-request:${suspect.id}`,
    payload: { reason, pr: closed.number, branch: closed.branch, headRepo: closed.headRepo ?? null, merged: closed.merged, ...expected(suspect, deps.headRepo) },
  });
  return { requestId: suspect.id, ignored: reason };
}

function expected(request: AccessRequest, headRepo: string): Record<string, unknown> {
  const pr = request.removalPullRequest ?? request.pullRequest;
  return { expectedPr: pr?.number ?? null, expectedHeadRepo: pr ? (pr.headRepo ?? headRepo) : null };
}
