import { escapeMrkdwn as e } from '../../core/mrkdwn.ts';
import type { AccessRequest, Actor } from './access-request.ts';
import { audit, cancelExpirySchedule, next, notifyRequester, summary, unchanged, updateMessage, type AccessPolicy, type Transition } from './access-request-lifecycle.ts';
import { isApprover, requiredApprovalsFor } from './approval-rules.ts';

/**
 * The end of temporary access, as pure transitions: the reminders before it (to the requester
 * and the grant's approvers, with Extend and End now), ending it early, and extending it through
 * a new small request approved the usual way.
 */

const DAY = 86_400_000;

/** The reminder `days` before expiry: once per reminder; nothing once access is no longer running. */
export function remindBeforeExpiryDays(request: AccessRequest, now: Date, days: number): Transition {
  if (request.status !== 'fulfilled' || !request.expiresAt || request.removalDeclinedAt) return unchanged(request, 'ignored', 'No temporary access to remind about.');
  if ((request.remindersSent ?? []).includes(days)) return unchanged(request, 'duplicate', 'Reminder already sent.');
  const updated = next(request, now, { remindersSent: [...(request.remindersSent ?? []), days] });
  return {
    request: updated,
    changed: true,
    outcome: 'reminded',
    message: 'Reminder sent.',
    effects: [
      { type: 'notify-expiry', key: `${request.id}:notify-expiry:${days}d`, requestId: request.id, days, approvers: [...new Set(request.approvals.map((a) => a.github))] },
      audit(updated, now, 'system', 'access.reminded', { days }),
    ],
  };
}

/** Who may end temporary access early: the requester, the people who approved it, and the group's approvers now. */
export function mayEndAccess(request: AccessRequest, actor: Actor, currentApprovers: readonly string[]): boolean {
  if (actor.slackUserId === request.requester.slackUserId) return true;
  return isApprover(actor.github, [...request.approvals.map((a) => a.github), ...currentApprovers]);
}

/** End now: the removal pull request is opened at once; the scheduled expiry and reminders are cancelled. */
export function endAccessNow(request: AccessRequest, actor: Actor, currentApprovers: readonly string[], now: Date, policy: AccessPolicy): Transition {
  if (!mayEndAccess(request, actor, currentApprovers)) return unchanged(request, 'not-allowed', 'Only the requester or the group’s approvers can end this access.');
  if (request.status === 'expiring' || request.status === 'removal_pr_opened' || request.status === 'expired') return unchanged(request, 'already-ending', `Already ending: ${summary(request)}.`);
  if (request.status === 'extended') return unchanged(request, 'extended', 'This access was extended by a later request; end that one.');
  if (request.status !== 'fulfilled' || !request.expiresAt) return unchanged(request, 'not-temporary', 'Only temporary access that is running can be ended here.');
  const updated = next(request, now, { status: 'expiring' });
  const by = actor.github ? `@${actor.github}` : `<@${actor.slackUserId}>`;
  return {
    request: updated,
    changed: true,
    outcome: 'ending',
    message: `Ending now: the bot is opening the pull request that removes ${e(request.memberEmail)} from ${e(request.group.name)}.`,
    effects: [
      { type: 'open-pr', key: `${request.id}:open-pr:remove`, requestId: request.id, change: 'remove' },
      ...cancelExpirySchedule(request, policy),
      updateMessage(updated),
      notifyRequester(updated, 'ended-early', `Your temporary access to ${e(request.group.name)} (${e(request.memberEmail)}) is being ended early by ${by}; the bot is opening the removal pull request.`),
      audit(updated, now, actor.slackUserId, 'access.ended-early', { by: actor.github ?? actor.slackUserId }),
    ],
  };
}

/** Whether `actor` may ask to extend: the requester of running temporary access only. */
export function extensionRefusal(request: AccessRequest, actor: Actor): { code: string; message: string } | undefined {
  if (actor.slackUserId !== request.requester.slackUserId) return { code: 'not-requester', message: 'Only the requester can ask to extend this access.' };
  if (request.status !== 'fulfilled' || !request.expiresAt || !request.until) return { code: 'not-running', message: 'Only temporary access that is running can be extended.' };
  return undefined;
}

/** The start (UTC) of the day after `until`. */
function dayAfter(until: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === until ? new Date(d.getTime() + DAY) : undefined;
}

export type ExtensionResult = ({ ok: true } & Transition) | { ok: false; errors: { until?: string; justification?: string; request?: string } };

/**
 * Extend: a new small request for the same person, group and address, until a later day, with
 * a reason; approved the usual way (the group's approvers, two for admin groups).
 */
export function requestExtension(args: {
  id: string;
  original: AccessRequest;
  requester: Actor;
  until: string;
  justification: string;
  approvers: readonly string[];
  policy: AccessPolicy;
  maxTemporaryAccessDays: number;
  now: Date;
}): ExtensionResult {
  const { original, now } = args;
  const refusal = extensionRefusal(original, args.requester);
  if (refusal) return { ok: false, errors: { request: refusal.message } };
  const errors: { until?: string; justification?: string } = {};
  const expiresAt = dayAfter(args.until.trim());
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (!expiresAt) errors.until = 'Pick the new last day (YYYY-MM-DD).';
  else if (expiresAt.getTime() <= new Date(original.expiresAt!).getTime()) errors.until = `Pick a day after ${original.until}, the current last day.`;
  else if (expiresAt.getTime() - DAY - today > args.maxTemporaryAccessDays * DAY) errors.until = `At most ${args.maxTemporaryAccessDays} days ahead.`;
  const why = args.justification.trim();
  if (why.length < 10) errors.justification = 'Say why you need longer (at least 10 characters).';
  else if (why.length > 3000) errors.justification = 'Keep it under 3000 characters.';
  if (Object.keys(errors).length > 0 || !expiresAt) return { ok: false, errors };
  const at = now.toISOString();
  const request: AccessRequest = {
    id: args.id,
    status: 'pending',
    group: { ...original.group },
    memberEmail: original.memberEmail,
    requester: args.requester,
    justification: why,
    until: args.until.trim(),
    expiresAt: expiresAt.toISOString(),
    extends: original.id,
    requiredApprovals: requiredApprovalsFor(original.group.emailId, args.policy.twoApproverPattern),
    approversAtRequest: [...args.approvers],
    approvals: [],
    ...(original.placement ? { placement: { ...original.placement } } : {}),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return {
    ok: true,
    request,
    changed: true,
    outcome: 'requested',
    message: `Extension asked in #${args.policy.channel}: ${summary(request)}.`,
    effects: [
      { type: 'post-approval-request', key: `${args.id}:post`, requestId: args.id, channel: args.policy.channel, approvers: [...args.approvers] },
      { type: 'notify-requester', key: `${args.id}:notify-requester:requested`, requestId: args.id, slackUserId: args.requester.slackUserId, text: `Extension asked in #${args.policy.channel}: ${summary(request)}. The group's approvers decide as usual.` },
      audit(request, now, args.requester.slackUserId, 'access.extension-requested', { extends: original.id, until: request.until, justification: why }),
    ],
  };
}

/** The extended request stops: an approved extension took over its end date. */
export function supersedeAccess(request: AccessRequest, by: string, now: Date, policy: AccessPolicy): Transition {
  if (request.status === 'extended') return unchanged(request, 'duplicate', 'Already extended.');
  if (request.status !== 'fulfilled') return unchanged(request, 'ignored', `Nothing to extend in status ${request.status}.`);
  const updated = next(request, now, { status: 'extended', extendedBy: by });
  return { request: updated, changed: true, outcome: 'extended', message: 'Extended.', effects: [...cancelExpirySchedule(request, policy), updateMessage(updated), audit(updated, now, 'system', 'access.superseded', { by })] };
}
