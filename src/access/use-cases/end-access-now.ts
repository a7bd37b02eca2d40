import type { Clock } from '../../core/clock.ts';
import * as expiry from '../domain/access-expiry.ts';
import type { AccessPolicy } from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { REQUEST_GONE, type DecisionAnswer } from './approve-access.ts';
import { auditRefusal } from './audit-refusal.ts';
import { changeRequest } from './change-request.ts';
import { currentApprovers } from './current-approvers.ts';

export interface EndAccessNowDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
  policy: AccessPolicy;
  audit: Pick<AuditLog, 'record'>;
}

/** End now (on a reminder): the requester or an approver; the removal pull request is opened at once. */
export async function endAccessNow(deps: EndAccessNowDeps, args: { requestId: string; userId: string }): Promise<DecisionAnswer> {
  const actor = deps.people.actorFor(args.userId);
  const t = await changeRequest(deps.requests, args.requestId, async (r) => expiry.endAccessNow(r, actor, await currentApprovers(deps.catalog, r.group.emailId), deps.clock.now(), deps.policy));
  if (!t) return { outcome: 'gone', message: REQUEST_GONE };
  await auditRefusal(deps.audit, { at: deps.clock.now(), slackUserId: args.userId, request: t.request, attempted: 'end-now', transition: t });
  return { outcome: t.outcome, message: t.message };
}
