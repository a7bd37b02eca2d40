import type { AccessEffect, AccessRequest, Actor, PullRequestRef } from './access-request.ts';
import { jobKey } from './access-request.ts';
import { countingApprovals, decisionRefusal, hasApproved, requiredApprovalsFor } from './approval-rules.ts';
import type { GroupCatalog } from './group-catalog.ts';
import { escapeMrkdwn as e } from '../../core/mrkdwn.ts';
import { validateAccessRequest, type AccessFieldErrors, type AccessRequestInput, type AccessValidationRules, type ValidatedAccessRequest } from './validate-access-request.ts';

/**
 * The access request state machine, as pure functions: each takes the current request and `now`
 * and returns the next request plus the effects the lead must carry out (durably, using each
 * effect's `key`). Nothing here talks to Slack, GitHub or a database.
 *
 *   pending ──approve×N──▶ approved ──PR opened──▶ pr_opened ──merged──▶ fulfilled
 *      │                      │                       └──closed──▶ closed
 *      ├──deny──▶ denied      ├──already there──▶ fulfilled
 *      └──cancel──▶ cancelled └──cannot edit──▶ failed
 *   fulfilled (temporary) ──reminder (N days before)──▶ fulfilled ──expiry──▶ expiring
 *      ──removal PR opened──▶ removal_pr_opened ──merged──▶ expired (closed unmerged: back to fulfilled, kept)
 *
 * Messages are Slack mrkdwn: every piece a person or GitHub wrote (an address, a group name, a
 * reason, a URL) goes through `escapeMrkdwn`, so none can become a mention or a masked link.
 */

export interface AccessPolicy {
  /** Approval channel name. */
  channel: string;
  twoApproverPattern: string;
  /**
   * Days before temporary access ends that the requester and approvers are told (with Extend and
   * End now). A single number is the earlier form: one reminder to the requester.
   */
  reminderDaysBeforeExpiry: number | readonly number[];
}

/**
 * The timed work of a temporary grant: the reminders, the expiry, and the removal branch
 * prepared at once. Reminders already due are skipped.
 */
export function expirySchedule(request: AccessRequest, now: Date, policy: Pick<AccessPolicy, 'reminderDaysBeforeExpiry'>): AccessEffect[] {
  if (!request.expiresAt) return [];
  const expiresAt = new Date(request.expiresAt);
  const effects: AccessEffect[] = [];
  const legacy = typeof policy.reminderDaysBeforeExpiry === 'number';
  const days = legacy ? [policy.reminderDaysBeforeExpiry as number] : [...new Set(policy.reminderDaysBeforeExpiry as readonly number[])].sort((a, b) => b - a);
  for (const d of days) {
    const remindAt = new Date(expiresAt.getTime() - d * DAY);
    if (d <= 0 || remindAt.getTime() <= now.getTime()) continue;
    effects.push({ type: 'schedule', key: legacy ? jobKey(request.id, 'expiry-reminder') : reminderJobKey(request.id, d), requestId: request.id, job: 'expiry-reminder', dueAt: remindAt, ...(legacy ? {} : { days: d }) });
  }
  effects.push({ type: 'schedule', key: jobKey(request.id, 'expiry'), requestId: request.id, job: 'expiry', dueAt: expiresAt });
  // Reviewers asked for it by hand in the real repository: the revert is ready the day access is granted.
  effects.push({ type: 'prepare-removal', key: `${request.id}:prepare-removal`, requestId: request.id });
  return effects;
}

/** `access.reminderDaysBeforeExpiry` unless set: a week before, and the day before. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [7, 1];

/** Job id of the reminder `days` before expiry. */
export function reminderJobKey(requestId: string, days: number): string {
  return `${jobKey(requestId, 'expiry-reminder')}:${days}d`;
}

/** Cancels everything expirySchedule scheduled (access ended early, or extended by a later request). */
export function cancelExpirySchedule(request: AccessRequest, policy: Pick<AccessPolicy, 'reminderDaysBeforeExpiry'>): AccessEffect[] {
  const days = typeof policy.reminderDaysBeforeExpiry === 'number' ? [] : [...policy.reminderDaysBeforeExpiry];
  return [
    { type: 'cancel-scheduled', key: `${request.id}:cancel:expiry:${request.version}`, requestId: request.id, job: 'expiry' },
    { type: 'cancel-scheduled', key: `${request.id}:cancel:expiry-reminder:${request.version}`, requestId: request.id, job: 'expiry-reminder' },
    ...days.map((d): AccessEffect => ({ type: 'cancel-scheduled', key: `${request.id}:cancel:${d}d:${request.version}`, requestId: request.id, job: 'expiry-reminder', jobId: reminderJobKey(request.id, d) })),
  ];
}

export interface Transition {
  request: AccessRequest;
  effects: AccessEffect[];
  /** False for repeats and refusals: nothing to persist, no effects. */
  changed: boolean;
  /** Machine-readable result, e.g. `approved`, `approval-recorded`, `duplicate`, `not-approver`. */
  outcome: string;
  /** One line for the person who acted (ephemeral reply). */
  message: string;
}

const DAY = 86_400_000;
/** The deny modal's field allows this much; a crafted submission may send more. */
export const MAX_DENIAL_REASON = 2000;

function subject(request: AccessRequest): string {
  return `access-request:${request.id}`;
}

export function audit(request: AccessRequest, now: Date, actor: string, action: string, payload: Record<string, unknown> = {}): AccessEffect {
  return {
    type: 'audit',
    key: `${request.id}:audit:${action}:${request.version}`,
    entry: {
      at: now,
      actor,
      action,
      subject: subject(request),
      payload: { group: request.group.emailId, member: request.memberEmail, status: request.status, ...payload },
    },
  };
}

export function notifyRequester(request: AccessRequest, what: string, text: string): AccessEffect {
  return { type: 'notify-requester', key: `${request.id}:notify-requester:${what}`, requestId: request.id, slackUserId: request.requester.slackUserId, text };
}

export function updateMessage(request: AccessRequest): AccessEffect {
  return { type: 'update-approval-message', key: `${request.id}:update:${request.version}`, requestId: request.id };
}

export function next(request: AccessRequest, now: Date, changes: Partial<AccessRequest>): AccessRequest {
  return { ...request, ...changes, updatedAt: now.toISOString(), version: request.version + 1 };
}

export function unchanged(request: AccessRequest, outcome: string, message: string): Transition {
  return { request, effects: [], changed: false, outcome, message };
}

function handles(list: readonly { github: string }[]): string {
  return list.map((a) => `@${a.github}`).join(', ');
}

export function summary(request: AccessRequest): string {
  return `${e(request.memberEmail)} in ${e(request.group.name)}${request.until ? ` until ${request.until}` : ''}`;
}

/** A new request from validated input; posts it to the approval channel. */
export function createAccessRequest(args: {
  id: string;
  requester: Actor;
  value: ValidatedAccessRequest;
  policy: AccessPolicy;
  now: Date;
}): Transition {
  const { id, requester, value, policy, now } = args;
  const at = now.toISOString();
  const request: AccessRequest = {
    id,
    status: 'pending',
    group: { emailId: value.group.emailId, name: value.group.name, file: value.group.file },
    memberEmail: value.email,
    requester,
    justification: value.justification,
    ...(value.until && value.expiresAt ? { until: value.until, expiresAt: value.expiresAt.toISOString() } : {}),
    requiredApprovals: requiredApprovalsFor(value.group.emailId, policy.twoApproverPattern),
    approversAtRequest: [...value.group.approvers],
    approvals: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return {
    request,
    changed: true,
    outcome: 'requested',
    message: `Request posted in #${policy.channel}: ${summary(request)}. It needs ${request.requiredApprovals === 2 ? 'two approvers' : 'one approver'}.`,
    effects: [
      { type: 'post-approval-request', key: `${id}:post`, requestId: id, channel: policy.channel, approvers: [...value.group.approvers] },
      audit(request, now, requester.slackUserId, 'access.requested', {
        justification: request.justification,
        until: request.until ?? null,
        requiredApprovals: request.requiredApprovals,
      }),
    ],
  };
}

export type RequestAccessResult = ({ ok: true } & Transition) | { ok: false; errors: AccessFieldErrors };

/** The modal's submit use-case: validate against the catalog, then create. Errors are keyed by field. */
export function requestAccess(args: {
  id: string;
  requester: Actor;
  input: AccessRequestInput;
  catalog: Pick<GroupCatalog, 'find' | 'groups'>;
  rules: AccessValidationRules;
  policy: AccessPolicy;
  now: Date;
}): RequestAccessResult {
  const validation = validateAccessRequest({ ...args.input, requester: { email: args.requester.email, github: args.requester.github } }, args.catalog, args.rules, args.now);
  if (!validation.ok) return validation;
  return { ok: true, ...createAccessRequest({ id: args.id, requester: args.requester, value: validation.value, policy: args.policy, now: args.now }) };
}

/** Records where the approval message was posted (the lead calls it after `post-approval-request`). */
export function attachSlackThread(request: AccessRequest, thread: NonNullable<AccessRequest['slackThread']>, now: Date): Transition {
  if (request.slackThread?.ts === thread.ts && request.slackThread.channel === thread.channel) return unchanged(request, 'duplicate', 'Already recorded.');
  return { request: next(request, now, { slackThread: thread }), effects: [], changed: true, outcome: 'thread-recorded', message: 'Recorded.' };
}

/** Records a DM copy of the approval message, so later decisions update it too. */
export function attachApproverCopy(request: AccessRequest, copy: { channel: string; ts: string }, now: Date): Transition {
  if ((request.approverCopies ?? []).some((c) => c.channel === copy.channel && c.ts === copy.ts)) return unchanged(request, 'duplicate', 'Already recorded.');
  return { request: next(request, now, { approverCopies: [...(request.approverCopies ?? []), copy] }), effects: [], changed: true, outcome: 'copy-recorded', message: 'Recorded.' };
}

function alreadyDecided(request: AccessRequest): Transition | undefined {
  if (request.status === 'pending') return undefined;
  if (request.status === 'denied' && request.denial) {
    return unchanged(request, 'already-decided', `Already denied by ${request.denial.github ? `@${request.denial.github}` : `<@${request.denial.slackUserId}>`}.`);
  }
  if (request.status === 'cancelled') return unchanged(request, 'already-decided', 'The requester withdrew this request.');
  return unchanged(request, 'already-decided', `Already approved by ${handles(request.approvals)}.`);
}

/**
 * An approver clicks Approve. `currentApprovers` are the group's approvers from the catalog as it
 * is now. A second click by the same person changes nothing; approvals from people who are no
 * longer approvers stop counting.
 */
export function approveAccessRequest(request: AccessRequest, actor: Actor, currentApprovers: readonly string[], now: Date, policy: Pick<AccessPolicy, 'reminderDaysBeforeExpiry'> = { reminderDaysBeforeExpiry: DEFAULT_REMINDER_DAYS }): Transition {
  const decided = alreadyDecided(request);
  if (decided) return decided;
  const refusal = decisionRefusal(request, actor, currentApprovers);
  if (refusal) return unchanged(request, refusal.code, refusal.message);
  if (hasApproved(request, actor)) return unchanged(request, 'duplicate', 'You already approved this request.');

  const approvals = [...request.approvals, { slackUserId: actor.slackUserId, github: actor.github!, at: now.toISOString() }];
  const withApproval = { ...request, approvals };
  const counting = countingApprovals(withApproval, currentApprovers);
  if (counting.length < request.requiredApprovals) {
    const updated = next(request, now, { approvals });
    const missing = request.requiredApprovals - counting.length;
    return {
      request: updated,
      changed: true,
      outcome: 'approval-recorded',
      message: `Approval recorded; ${missing === 1 ? 'one more approver is' : `${missing} more approvers are`} needed.`,
      effects: [updateMessage(updated), audit(updated, now, actor.slackUserId, 'access.approval-recorded', { approver: actor.github })],
    };
  }
  if (request.extends) {
    // An extension: the address is in the file already, so no pull request; the new end date
    // takes over from the request it extends.
    const granted = next(request, now, { approvals, status: 'fulfilled' });
    return {
      request: granted,
      changed: true,
      outcome: 'approved',
      message: `Approved: ${summary(granted)}.`,
      effects: [
        updateMessage(granted),
        notifyRequester(granted, 'approved', `Your extension was approved by ${handles(counting)}: ${summary(granted)}.`),
        { type: 'supersede', key: `${request.id}:supersede`, requestId: request.id, originalId: request.extends },
        ...expirySchedule(granted, now, policy),
        audit(granted, now, actor.slackUserId, 'access.extended', { approvers: counting.map((a) => a.github), extends: request.extends, until: request.until ?? null }),
      ],
    };
  }
  const updated = next(request, now, { approvals, status: 'approved' });
  return {
    request: updated,
    changed: true,
    outcome: 'approved',
    message: `Approved. The bot is opening a pull request for ${summary(updated)}.`,
    effects: [
      { type: 'open-pr', key: `${request.id}:open-pr:add`, requestId: request.id, change: 'add' },
      updateMessage(updated),
      notifyRequester(updated, 'approved', `Your request for ${summary(updated)} was approved by ${handles(counting)}. A pull request is on its way.`),
      audit(updated, now, actor.slackUserId, 'access.approved', { approvers: counting.map((a) => a.github) }),
    ],
  };
}

export function denyAccessRequest(request: AccessRequest, actor: Actor, reason: string, currentApprovers: readonly string[], now: Date): Transition {
  const decided = alreadyDecided(request);
  if (decided) return decided;
  const refusal = decisionRefusal(request, actor, currentApprovers);
  if (refusal) return unchanged(request, refusal.code, refusal.message);
  const why = reason.trim();
  if (!why) return unchanged(request, 'reason-required', 'Give a reason for the requester.');
  if (why.length > MAX_DENIAL_REASON) return unchanged(request, 'reason-too-long', `Keep the reason under ${MAX_DENIAL_REASON} characters (it is ${why.length}).`);
  const updated = next(request, now, {
    status: 'denied',
    denial: { slackUserId: actor.slackUserId, ...(actor.github ? { github: actor.github } : {}), reason: why, at: now.toISOString() },
  });
  return {
    request: updated,
    changed: true,
    outcome: 'denied',
    message: 'Denied; the requester has been told why.',
    effects: [
      updateMessage(updated),
      notifyRequester(updated, 'denied', `Your request for ${summary(updated)} was denied by @${actor.github}: ${e(why)}`),
      audit(updated, now, actor.slackUserId, 'access.denied', { reason: why }),
    ],
  };
}

/** The requester withdraws a request nobody has decided on yet. */
export function cancelAccessRequest(request: AccessRequest, actor: Actor, now: Date): Transition {
  if (actor.slackUserId !== request.requester.slackUserId) return unchanged(request, 'not-requester', 'Only the requester can withdraw a request.');
  const decided = alreadyDecided(request);
  if (decided) return decided;
  const updated = next(request, now, { status: 'cancelled' });
  return {
    request: updated,
    changed: true,
    outcome: 'cancelled',
    message: 'Request withdrawn.',
    effects: [updateMessage(updated), audit(updated, now, actor.slackUserId, 'access.cancelled')],
  };
}

/** After `open-pr` ran: the pull request (new or found again) is recorded. Repeats change nothing. */
export function recordPullRequestOpened(request: AccessRequest, pr: PullRequestRef, now: Date): Transition {
  if (request.status === 'approved') {
    const updated = next(request, now, { status: 'pr_opened', pullRequest: pr });
    return {
      request: updated,
      changed: true,
      outcome: 'pr-opened',
      message: `Pull request opened: ${e(pr.url)}`,
      effects: [
        updateMessage(updated),
        notifyRequester(updated, 'pr-opened', `Pull request for ${summary(updated)}: ${e(pr.url)}. Access starts once it merges.`),
        audit(updated, now, 'system', 'access.pr-opened', { pr: pr.number, url: pr.url }),
      ],
    };
  }
  if (request.status === 'expiring') {
    const updated = next(request, now, { status: 'removal_pr_opened', removalPullRequest: pr });
    return {
      request: updated,
      changed: true,
      outcome: 'removal-pr-opened',
      message: `Removal pull request opened: ${e(pr.url)}`,
      effects: [updateMessage(updated), audit(updated, now, 'system', 'access.removal-pr-opened', { pr: pr.number, url: pr.url })],
    };
  }
  return unchanged(request, 'ignored', `Nothing to record in status ${request.status}.`);
}

/** `open-pr` found nothing to change (the address was added, or removed, by someone else meanwhile). */
export function recordNoChangeNeeded(request: AccessRequest, reason: string, now: Date): Transition {
  if (request.status === 'approved') {
    if (request.until) {
      // Someone added the address outside this request; removing it later could undo their change.
      return failAccessRequest(request, `${reason}; not scheduling a removal for access this request did not grant`, now);
    }
    const updated = next(request, now, { status: 'fulfilled' });
    return {
      request: updated,
      changed: true,
      outcome: 'fulfilled',
      message: `Nothing to change: ${e(reason)}.`,
      effects: [
        updateMessage(updated),
        notifyRequester(updated, 'fulfilled', `No pull request needed for ${summary(updated)}: ${e(reason)}.`),
        audit(updated, now, 'system', 'access.fulfilled', { reason }),
      ],
    };
  }
  if (request.status === 'expiring') return finishRemoval(request, now, reason);
  return unchanged(request, 'ignored', `Nothing to record in status ${request.status}.`);
}

/** `open-pr` failed for good (e.g. groups.yaml unparseable, group moved): nothing was opened. */
export function failAccessRequest(request: AccessRequest, reason: string, now: Date): Transition {
  if (request.status !== 'approved' && request.status !== 'expiring') return unchanged(request, 'ignored', `Nothing to fail in status ${request.status}.`);
  const removal = request.status === 'expiring';
  const updated = next(request, now, { status: 'failed', failure: { reason, at: now.toISOString() } });
  const text = `The bot could not prepare the ${removal ? 'removal ' : ''}pull request for ${summary(updated)}: ${e(reason)}. Nothing was opened; please make the change by hand.`;
  return {
    request: updated,
    changed: true,
    outcome: 'failed',
    message: text,
    effects: [
      updateMessage(updated),
      notifyRequester(updated, 'failed', text),
      { type: 'notify-approvers', key: `${request.id}:notify-approvers:failed`, requestId: request.id, approvers: request.approvals.map((a) => a.github), text },
      audit(updated, now, 'system', 'access.failed', { reason }),
    ],
  };
}

export interface PullRequestClosed {
  number: number;
  branch: string;
  merged: boolean;
  /** `owner/name` of the head repository the event names. */
  headRepo: string | undefined;
}

function sameRepo(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether a closed pull request is this one: the same number and the head repository recorded
 * when the bot opened it. A branch name proves nothing: anyone can push a branch of that name
 * to a fork and open (and close) a pull request from it.
 */
export function isSamePullRequest(pr: PullRequestRef | undefined, event: Pick<PullRequestClosed, 'number' | 'headRepo'>, defaultHeadRepo: string): boolean {
  return pr !== undefined && pr.number === event.number && sameRepo(event.headRepo, pr.headRepo ?? defaultHeadRepo);
}

/**
 * From the GitHub webhook: the request's pull request (or removal pull request) was closed.
 * `defaultHeadRepo` stands in for requests recorded before the head repository was.
 */
export function recordPullRequestClosed(request: AccessRequest, event: PullRequestClosed, now: Date, policy: AccessPolicy, defaultHeadRepo: string): Transition {
  const matches = (pr: PullRequestRef | undefined, _event: PullRequestClosed) => isSamePullRequest(pr, event, defaultHeadRepo);
  if (matches(request.pullRequest, event) && request.status === 'pr_opened') {
    if (!event.merged) {
      const updated = next(request, now, { status: 'closed' });
      return {
        request: updated,
        changed: true,
        outcome: 'closed',
        message: 'Pull request closed without merging.',
        effects: [
          updateMessage(updated),
          notifyRequester(updated, 'closed', `The pull request for ${summary(updated)} was closed without merging: access not granted. Ask in #${policy.channel} if that is unexpected.`),
          audit(updated, now, 'github', 'access.pr-closed', { pr: event.number }),
        ],
      };
    }
    const updated = next(request, now, { status: 'fulfilled' });
    const effects: AccessEffect[] = [
      updateMessage(updated),
      notifyRequester(updated, 'fulfilled', `Merged: ${e(request.memberEmail)} is being added to ${e(request.group.name)} (the groups job applies it after merge).${request.until ? ` Access ends after ${request.until}.` : ''}`),
      audit(updated, now, 'github', 'access.fulfilled', { pr: event.number }),
    ];
    effects.push(...expirySchedule(updated, now, policy));
    return { request: updated, changed: true, outcome: 'fulfilled', message: 'Merged.', effects };
  }
  if (matches(request.removalPullRequest, event) && request.status === 'removal_pr_opened') {
    if (event.merged) return finishRemoval(request, now);
    const updated = next(request, now, { status: 'fulfilled', removalDeclinedAt: now.toISOString() });
    const text = `The removal pull request for ${summary(updated)} was closed without merging, so the access stays. The bot will not try again.`;
    return {
      request: updated,
      changed: true,
      outcome: 'removal-declined',
      message: text,
      effects: [
        updateMessage(updated),
        { type: 'notify-approvers', key: `${request.id}:notify-approvers:removal-declined`, requestId: request.id, approvers: request.approvals.map((a) => a.github), text },
        audit(updated, now, 'github', 'access.removal-declined', { pr: event.number }),
      ],
    };
  }
  return unchanged(request, 'ignored', 'Not this request’s open pull request.');
}

function finishRemoval(request: AccessRequest, now: Date, reason?: string): Transition {
  const updated = next(request, now, { status: 'expired' });
  return {
    request: updated,
    changed: true,
    outcome: 'expired',
    message: reason ? `Nothing to remove: ${e(reason)}.` : 'Removal merged.',
    effects: [
      updateMessage(updated),
      notifyRequester(updated, 'expired', `Your temporary access to ${e(request.group.name)} has ended (${e(request.memberEmail)} removed).`),
      audit(updated, now, reason ? 'system' : 'github', 'access.expired', reason ? { reason } : {}),
    ],
  };
}

/** The removal branch is ready (prepared the day temporary access was granted). */
export function recordRemovalPrepared(request: AccessRequest, branch: string, now: Date): Transition {
  if (request.status !== 'fulfilled' || !request.expiresAt || request.removalPrepared) return unchanged(request, 'ignored', 'No removal to prepare.');
  const updated = next(request, now, { removalPrepared: { branch, at: now.toISOString() } });
  return { request: updated, changed: true, outcome: 'removal-prepared', message: `Removal prepared on ${branch}.`, effects: [audit(updated, now, 'system', 'access.removal-prepared', { branch })] };
}

/** The `expiry-reminder` job: tells the requester, once, that temporary access ends soon. */
export function remindBeforeExpiry(request: AccessRequest, now: Date, policy: AccessPolicy): Transition {
  if (request.status !== 'fulfilled' || !request.expiresAt || request.removalDeclinedAt) return unchanged(request, 'ignored', 'No temporary access to remind about.');
  if (request.reminderSentAt) return unchanged(request, 'duplicate', 'Reminder already sent.');
  const updated = next(request, now, { reminderSentAt: now.toISOString() });
  return {
    request: updated,
    changed: true,
    outcome: 'reminded',
    message: 'Reminder sent.',
    effects: [
      notifyRequester(
        updated,
        'reminder',
        `Your temporary access to ${e(request.group.name)} (${e(request.memberEmail)}) ends after ${request.until}; the bot will then open a pull request to remove it. Need longer? Request it again in #${policy.channel}.`,
      ),
      audit(updated, now, 'system', 'access.reminded'),
    ],
  };
}

/** The `expiry` job: temporary access is over, so a removal pull request is opened. Early runs do nothing. */
export function expireAccess(request: AccessRequest, now: Date): Transition {
  if (request.status !== 'fulfilled' || !request.expiresAt || request.removalDeclinedAt) return unchanged(request, 'ignored', 'No temporary access to end.');
  if (now.getTime() < new Date(request.expiresAt).getTime()) return unchanged(request, 'not-yet', `Access runs until ${request.expiresAt}.`);
  const updated = next(request, now, { status: 'expiring' });
  return {
    request: updated,
    changed: true,
    outcome: 'expiring',
    message: 'Opening the removal pull request.',
    effects: [
      { type: 'open-pr', key: `${request.id}:open-pr:remove`, requestId: request.id, change: 'remove' },
      updateMessage(updated),
      notifyRequester(updated, 'expiring', `Your temporary access to ${e(request.group.name)} ended after ${request.until}; the bot is opening a pull request to remove ${e(request.memberEmail)}.`),
      audit(updated, now, 'system', 'access.expiring'),
    ],
  };
}

/** Statuses in which `open-pr` still has work to do (what a restarted runner should resume). */
export function pendingPullRequestChange(request: AccessRequest): 'add' | 'remove' | undefined {
  return request.status === 'approved' ? 'add' : request.status === 'expiring' ? 'remove' : undefined;
}
