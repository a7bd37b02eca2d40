/**
 * An access request as the lead persists it. Plain JSON-safe data (times as ISO strings) so a
 * row can hold it; every change goes through the pure transitions in access-request-lifecycle.ts.
 */

export type AccessRequestStatus =
  /** Waiting for approvals. */
  | 'pending'
  /** Enough approvals; the pull request is being prepared (effect `open-pr`). */
  | 'approved'
  /** Pull request open, waiting for merge. */
  | 'pr_opened'
  /** Merged (or the address was already there): access granted. Temporary access stays here until expiry. */
  | 'fulfilled'
  /** Pull request closed without merge. */
  | 'closed'
  | 'denied'
  /** Withdrawn by the requester before a decision. */
  | 'cancelled'
  /** The change could not be prepared (e.g. groups.yaml unparseable); nothing was opened. */
  | 'failed'
  /** Temporary access ended: the removal pull request is being prepared. */
  | 'expiring'
  | 'removal_pr_opened'
  /** Removal merged: access gone. */
  | 'expired'
  /** Temporary access continued by an approved extension request (`extendedBy`). */
  | 'extended';

/** Someone acting in Slack; `github` and `email` come from the people config when known. */
export interface Actor {
  slackUserId: string;
  github?: string;
  email?: string;
  /** For messages and the PR text. */
  name?: string;
}

export interface Approval {
  slackUserId: string;
  github: string;
  at: string;
}

export interface PullRequestRef {
  number: number;
  url: string;
  /** Head branch (without owner). */
  branch: string;
  /**
   * `owner/name` of the head repository when the bot opened it (requests from before this was
   * recorded lack it: the configured head repository is assumed).
   */
  headRepo?: string;
}

export interface AccessRequest {
  /** Stable id, also the idempotency key (e.g. derived from the modal submission). */
  id: string;
  status: AccessRequestStatus;
  group: { emailId: string; name: string; file: string };
  memberEmail: string;
  requester: Actor;
  justification: string;
  /** Temporary access: last day, `YYYY-MM-DD`. */
  until?: string;
  /** An extension: the request (of the same person, group and address) whose access it continues. */
  extends?: string;
  /** Set on the extended request: the extension that took over. */
  extendedBy?: string;
  /** Which of the reminders before expiry were sent (days before). */
  remindersSent?: number[];
  /** Temporary access: the instant the removal starts (ISO). */
  expiresAt?: string;
  requiredApprovals: number;
  /** GitHub handles allowed to approve when the request was made (what the approval message shows). */
  approversAtRequest: string[];
  approvals: Approval[];
  denial?: { slackUserId: string; github?: string; reason: string; at: string };
  pullRequest?: PullRequestRef;
  removalPullRequest?: PullRequestRef;
  /** The removal branch prepared the day temporary access was granted (opened as a pull request at expiry). */
  removalPrepared?: { branch: string; at: string };
  /** Set once the removal PR was closed unmerged: access stays, nothing more is scheduled. */
  removalDeclinedAt?: string;
  reminderSentAt?: string;
  failure?: { reason: string; at: string };
  /**
   * The last attempt at the pull request failed in a way a retry may fix (GitHub down, rate
   * limit): shown on the request until an attempt succeeds. Cleared once the PR is opened.
   */
  retrying?: { error: string; at: string; attempts: number };
  /** Where the approval message lives; set by the lead after posting it. */
  slackThread?: { channel: string; ts: string; permalink?: string };
  /** The copies of the approval message sent to approvers by DM: updated after every decision, like the channel's. */
  approverCopies?: { channel: string; ts: string }[];
  /** Where the new member line goes in the group's file (the request modal's choices). */
  placement?: { section?: string; note?: string };
  createdAt: string;
  updatedAt: string;
  /** Bumped on every change: lets the store do compare-and-set between replicas. */
  version: number;
}

/** Entry for the audit trail: the same shape as the store's AuditEntry. */
export interface AccessAuditEntry {
  at: Date;
  /** Slack user id, `github`, or `system`. */
  actor: string;
  action: string;
  /** `access-request:<id>`. */
  subject: string;
  payload: Record<string, unknown>;
}

/**
 * What the lead must do after a transition, durably and idempotently: every effect carries a
 * `key` that is the same each time the same transition is computed, so a retried run can skip
 * work already done (e.g. a jobs row id, a processed key).
 */
export type AccessEffect =
  | { type: 'post-approval-request'; key: string; requestId: string; channel: string; approvers: string[] }
  | { type: 'update-approval-message'; key: string; requestId: string }
  | { type: 'notify-requester'; key: string; requestId: string; slackUserId: string; text: string }
  /** `approvers` are GitHub handles; the lead maps them to Slack users through the people config. */
  | { type: 'notify-approvers'; key: string; requestId: string; approvers: string[]; text: string }
  /** Run openAccessPullRequest, then recordPullRequestOpened / recordNoChangeNeeded / failAccessRequest. */
  | { type: 'open-pr'; key: string; requestId: string; change: 'add' | 'remove' }
  /** Temporary access granted: prepare the removal branch now (the pull request is opened at expiry). */
  | { type: 'prepare-removal'; key: string; requestId: string }
  /** `days`: which reminder (days before expiry); absent for the one reminder of the earlier form. */
  | { type: 'schedule'; key: string; requestId: string; job: AccessJob; dueAt: Date; days?: number }
  /** `jobId` when the job is not the job kind's one row per request (a per-day reminder). */
  | { type: 'cancel-scheduled'; key: string; requestId: string; job: AccessJob; jobId?: string }
  /** DMs the requester and the grant's approvers, `days` before expiry, with Extend and End now. */
  | { type: 'notify-expiry'; key: string; requestId: string; days: number; approvers: string[] }
  /** An extension was granted: the request it extends stops (its expiry and reminders cancelled). */
  | { type: 'supersede'; key: string; requestId: string; originalId: string }
  | { type: 'audit'; key: string; entry: AccessAuditEntry };

/** Timed jobs: `expiry-reminder` → remindBeforeExpiry, `expiry` → expireAccess. */
export type AccessJob = 'expiry-reminder' | 'expiry';

export function jobKey(requestId: string, job: AccessJob): string {
  return `access:${requestId}:${job}`;
}
