import type { AccessRequest, Actor, Approval } from './access-request.ts';

/** Groups matching the pattern (default `-admins@`) need two distinct approvers; others one. */
export function requiredApprovalsFor(groupEmailId: string, twoApproverPattern: string): number {
  return new RegExp(twoApproverPattern, 'i').test(groupEmailId) ? 2 : 1;
}

function sameHandle(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function isApprover(github: string | undefined, approvers: readonly string[]): boolean {
  return github !== undefined && approvers.some((a) => sameHandle(a, github));
}

export type DecisionRefusal =
  | { code: 'own-request'; message: string }
  | { code: 'own-address'; message: string }
  | { code: 'no-github'; message: string }
  | { code: 'not-approver'; message: string };

/**
 * Whether `actor` may approve or deny `request`, given the group's approvers now (from the
 * current catalog: someone removed from OWNERS since the request was made is refused).
 */
export function decisionRefusal(request: AccessRequest, actor: Actor, currentApprovers: readonly string[]): DecisionRefusal | undefined {
  if (actor.slackUserId === request.requester.slackUserId || sameHandle(actor.github, request.requester.github)) {
    return { code: 'own-request', message: 'You cannot decide on your own request; another approver has to.' };
  }
  if (actor.email !== undefined && actor.email.trim().toLowerCase() === request.memberEmail.trim().toLowerCase()) {
    return { code: 'own-address', message: 'You cannot approve access for your own address.' };
  }
  if (!actor.github) {
    return { code: 'no-github', message: 'Your GitHub handle is not in the bot config, so the bot cannot tell whether you are an approver.' };
  }
  if (!isApprover(actor.github, currentApprovers)) {
    const shown = currentApprovers.slice(0, 10).map((a) => `@${a}`).join(', ');
    return { code: 'not-approver', message: `Only approvers of ${request.group.file} can decide (${shown}${currentApprovers.length > 10 ? ', …' : ''}).` };
  }
  return undefined;
}

/** Approvals that still count: distinct people who are approvers now and are not the requester. */
export function countingApprovals(request: AccessRequest, currentApprovers: readonly string[]): Approval[] {
  const seen = new Set<string>();
  return request.approvals.filter((a) => {
    const key = a.github.toLowerCase();
    if (seen.has(key) || !isApprover(a.github, currentApprovers)) return false;
    if (a.slackUserId === request.requester.slackUserId || sameHandle(a.github, request.requester.github)) return false;
    seen.add(key);
    return true;
  });
}

export function hasApproved(request: AccessRequest, actor: Actor): Approval | undefined {
  return request.approvals.find((a) => a.slackUserId === actor.slackUserId || sameHandle(a.github, actor.github));
}
