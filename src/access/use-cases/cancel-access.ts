import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { REQUEST_GONE, type DecisionAnswer } from './approve-access.ts';
import { auditRefusal } from './audit-refusal.ts';
import { changeRequest } from './change-request.ts';

export interface CancelAccessDeps {
  requests: AccessRequests;
  people: AccessPeople;
  clock: Clock;
  audit: Pick<AuditLog, 'record'>;
}

/**
 * Withdraw clicked: only the requester, only while nobody has decided. The message (and the
 * approvers' copies) lose their buttons through the outbox; a second click hears "already".
 */
export async function cancelAccess(deps: CancelAccessDeps, args: { requestId: string; userId: string }): Promise<DecisionAnswer> {
  const actor = deps.people.actorFor(args.userId);
  const t = await changeRequest(deps.requests, args.requestId, (r) => lifecycle.cancelAccessRequest(r, actor, deps.clock.now()));
  if (!t) return { outcome: 'gone', message: REQUEST_GONE };
  await auditRefusal(deps.audit, { at: deps.clock.now(), slackUserId: args.userId, request: t.request, attempted: 'cancel', transition: t });
  return { outcome: t.outcome, message: t.message };
}
