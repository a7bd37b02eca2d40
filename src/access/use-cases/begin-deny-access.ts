import type { Clock } from '../../core/clock.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import { decisionRefusal } from '../domain/approval-rules.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import { REQUEST_GONE } from './approve-access.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { auditRefusal } from './audit-refusal.ts';
import { currentApprovers } from './current-approvers.ts';

export interface BeginDenyAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
  audit: Pick<AuditLog, 'record'>;
}

export type BeginDenyResult = { kind: 'refused'; message: string } | { kind: 'ask-reason'; request: AccessRequest };

/**
 * Deny clicked: refuses before asking for a reason (someone who may not decide, a request
 * decided already); denyAccess checks again on submit. Nothing changes here.
 */
export async function beginDenyAccess(deps: BeginDenyAccessDeps, args: { requestId: string; userId: string }): Promise<BeginDenyResult> {
  const request = await deps.requests.get(args.requestId);
  if (!request) return { kind: 'refused', message: REQUEST_GONE };
  const actor = deps.people.actorFor(args.userId);
  const refusal = request.status === 'pending' ? decisionRefusal(request, actor, await currentApprovers(deps.catalog, request.group.emailId)) : undefined;
  if (refusal) await auditRefusal(deps.audit, { at: deps.clock.now(), slackUserId: args.userId, request, attempted: 'deny', transition: { outcome: refusal.code, message: refusal.message } });
  if (request.status !== 'pending' || refusal) {
    // The domain's answer for a decided request ("Already denied by …"), without changing it.
    return { kind: 'refused', message: refusal?.message ?? lifecycle.denyAccessRequest(request, actor, 'x', [], deps.clock.now()).message };
  }
  return { kind: 'ask-reason', request };
}
