import type { AccessRequest } from '../domain/access-request.ts';
import type { Transition } from '../domain/access-request-lifecycle.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';

/** Outcomes that mean "this person may not do this" (the domain's policy said no). */
const REFUSALS = new Set(['own-request', 'own-address', 'no-github', 'not-approver', 'not-requester', 'not-allowed']);

export function isRefusal(outcome: string): boolean {
  return REFUSALS.has(outcome);
}

/**
 * A refused click changes nothing, so no transition carries its audit entry: it is written
 * here, so who tried what (and why it was refused) is on the record like any decision.
 */
export async function auditRefusal(
  audit: Pick<AuditLog, 'record'>,
  args: { at: Date; slackUserId: string; request: AccessRequest; attempted: string; transition: Pick<Transition, 'outcome' | 'message'> },
): Promise<void> {
  if (!isRefusal(args.transition.outcome)) return;
  await audit.record({
    at: args.at,
    actor: args.slackUserId,
    action: 'access.refused',
    subject: `access-request:${args.request.id}`,
    payload: { attempted: args.attempted, code: args.transition.outcome, message: args.transition.message, group: args.request.group.emailId, member: args.request.memberEmail },
  });
}
