import type { AccessRequest, AccessRequestStatus } from '../domain/access-request.ts';
import type { Transition } from '../domain/access-request-lifecycle.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';

/**
 * Where access requests live. `save` writes a transition and everything its effects ask for
 * (audit, jobs, the Slack and Cloud Logging outbox) in one transaction.
 */
export interface AccessRequests {
  get(id: string): Promise<AccessRequest | undefined>;
  /** The request whose pull request (or removal pull request) comes from `branch`. */
  findByBranch(branch: string): Promise<AccessRequest | undefined>;
  /** The request whose pull request (or removal pull request) has this number in the groups repository. */
  findByPullRequestNumber(number: number): Promise<AccessRequest | undefined>;
  /** A person's own requests, newest first. */
  listByRequester(slackUserId: string): Promise<AccessRequest[]>;
  listByStatus(statuses: readonly AccessRequestStatus[]): Promise<AccessRequest[]>;
  /** Every request for a group (e-mail id, any case), newest first. */
  listByGroup(groupEmailId: string): Promise<AccessRequest[]>;
  /**
   * Persists a transition computed from `before` (undefined for a new request). False when
   * another replica or click changed the request first (recompute) or the new id exists.
   * `job`: the claimed job to complete in the same transaction (job handlers).
   */
  save(before: AccessRequest | undefined, transition: Transition, options?: { job?: JobContext }): Promise<boolean>;
}
