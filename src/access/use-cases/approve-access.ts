import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import { changeRequest } from './change-request.ts';
import { currentApprovers } from './current-approvers.ts';

export interface ApproveAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
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
    lifecycle.approveAccessRequest(r, actor, await currentApprovers(deps.catalog, r.group.emailId), deps.clock.now()),
  );
  return t ? { outcome: t.outcome, message: t.message } : { outcome: 'gone', message: REQUEST_GONE };
}
