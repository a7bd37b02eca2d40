import type { Clock } from '../../core/clock.ts';
import type { AccessRequest } from '../domain/access-request.ts';
import * as expiry from '../domain/access-expiry.ts';
import type { AccessPolicy } from '../domain/access-request-lifecycle.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import { REQUEST_GONE } from './approve-access.ts';
import { auditRefusal } from './audit-refusal.ts';
import { currentApprovers } from './current-approvers.ts';

export interface ExtendAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  clock: Clock;
  policy: AccessPolicy;
  maxTemporaryAccessDays: number;
  audit: Pick<AuditLog, 'record'>;
}

/** Extend clicked: the requester gets the extension modal; anyone else is refused (and audited). Nothing changes. */
export async function beginExtendAccess(deps: Pick<ExtendAccessDeps, 'requests' | 'people' | 'clock' | 'audit'>, args: { requestId: string; userId: string }): Promise<{ kind: 'refused'; message: string } | { kind: 'ask'; request: AccessRequest }> {
  const request = await deps.requests.get(args.requestId);
  if (!request) return { kind: 'refused', message: REQUEST_GONE };
  const refusal = expiry.extensionRefusal(request, deps.people.actorFor(args.userId));
  if (refusal) {
    await auditRefusal(deps.audit, { at: deps.clock.now(), slackUserId: args.userId, request, attempted: 'extend', transition: { outcome: refusal.code, message: refusal.message } });
    return { kind: 'refused', message: refusal.message };
  }
  return { kind: 'ask', request };
}

export type RequestExtensionResult = { ok: true; message: string } | { ok: false; errors: { until?: string; justification?: string; request?: string } };

/**
 * The extension modal submitted: a new request (its id from the submission, so a retry finds it)
 * for the same address and group, approved the usual way; posted from the outbox.
 */
export async function requestExtension(deps: ExtendAccessDeps, args: { id: string; originalId: string; userId: string; until: string; justification: string }): Promise<RequestExtensionResult> {
  if (await deps.requests.get(args.id)) return { ok: true, message: 'Already submitted.' };
  const original = await deps.requests.get(args.originalId);
  if (!original) return { ok: false, errors: { request: REQUEST_GONE } };
  const r = expiry.requestExtension({
    id: args.id,
    original,
    requester: deps.people.actorFor(args.userId),
    until: args.until,
    justification: args.justification,
    approvers: await currentApprovers(deps.catalog, original.group.emailId),
    policy: deps.policy,
    maxTemporaryAccessDays: deps.maxTemporaryAccessDays,
    now: deps.clock.now(),
  });
  if (!r.ok) return r;
  await deps.requests.save(undefined, r);
  return { ok: true, message: r.message };
}
