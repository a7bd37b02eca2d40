import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { auditRefusal } from './audit-refusal.ts';
import { changeRequest } from './change-request.ts';
import { currentApprovers } from './current-approvers.ts';

export interface ApproveAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
  /** Refusals are audited here (they change nothing, so no transition carries them). */
  audit: Pick<AuditLog, 'record'>;
  /** For an extension, granted on approval: its reminders and expiry. */
  policy?: Pick<lifecycle.AccessPolicy, 'reminderDaysBeforeExpiry'>;
}

/** What the approver is told (ephemeral); `outcome` as the domain names it, or `gone`. */
export interface DecisionAnswer {
  outcome: string;
  message: string;
}

export const REQUEST_GONE = 'That access request no longer exists.';

/**
 * Approve clicked: the domain checks that the person is a current approver and not the
 * requester, records the approval, and once enough people approved asks for the pull request.
 * A second click by the same person changes nothing.
 */
export async function approveAccess(deps: ApproveAccessDeps, args: { requestId: string; userId: string }): Promise<DecisionAnswer> {
  const actor = deps.people.actorFor(args.userId);
  const t = await changeRequest(deps.requests, args.requestId, async (r) =>
    lifecycle.approveAccessRequest(r, actor, await currentApprovers(deps.catalog, r.group.emailId), deps.clock.now(), ...(deps.policy ? [deps.policy] : [])),
  );
  if (!t) return { outcome: 'gone', message: REQUEST_GONE };
  await auditRefusal(deps.audit, { at: deps.clock.now(), slackUserId: args.userId, request: t.request, attempted: 'approve', transition: t });
  return { outcome: t.outcome, message: t.message };
}
