import type { Clock } from '../../core/clock.ts';
import * as lifecycle from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { auditRefusal } from './audit-refusal.ts';
import { changeRequest } from './change-request.ts';
import { currentApprovers } from './current-approvers.ts';

export interface DenyAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
  audit: Pick<AuditLog, 'record'>;
}

/**
 * - `denied`: done; the requester is told why (outbox);
 * - `already-decided`: someone decided first; the denier is told so;
 * - `refused`: the reason modal shows `message` (may not decide, no reason);
 * - `gone`: no such request.
 */
export type DenyAccessResult = { outcome: 'denied' | 'gone' } | { outcome: 'already-decided' | 'refused'; message: string };

/** The reason modal submitted: the domain checks the person again and records the denial. */
export async function denyAccess(deps: DenyAccessDeps, args: { requestId: string; userId: string; reason: string }): Promise<DenyAccessResult> {
  const actor = deps.people.actorFor(args.userId);
  const t = await changeRequest(deps.requests, args.requestId, async (r) =>
    lifecycle.denyAccessRequest(r, actor, args.reason, await currentApprovers(deps.catalog, r.group.emailId), deps.clock.now()),
  );
  if (!t) return { outcome: 'gone' };
  await auditRefusal(deps.audit, { at: deps.clock.now(), slackUserId: args.userId, request: t.request, attempted: 'deny', transition: t });
  if (t.changed) return { outcome: 'denied' };
  return { outcome: t.outcome === 'already-decided' ? 'already-decided' : 'refused', message: t.message };
}
