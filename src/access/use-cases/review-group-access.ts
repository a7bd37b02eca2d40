import { closestMatch } from '../../core/closest-match.ts';
import { isApprover } from '../domain/approval-rules.ts';
import { reviewGroupMembers, type ReviewedMember } from '../domain/group-review.ts';
import type { CatalogGroup } from '../domain/group-catalog.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';

export interface ReviewGroupAccessDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
  audit: Pick<AuditLog, 'record'>;
}

export type ReviewGroupAccessResult = { ok: true; group: CatalogGroup; members: ReviewedMember[] } | { ok: false; message: string };

/**
 * `/k8s-infra access review <group>`: for the group's approvers (as the catalog says now), its
 * members with when and why each was added through the bot. Anyone else is refused (audited).
 */
export async function reviewGroupAccess(deps: ReviewGroupAccessDeps, args: { userId: string; group: string; now: Date }): Promise<ReviewGroupAccessResult> {
  const wanted = args.group.trim();
  if (!wanted) return { ok: false, message: 'Say which group: `/k8s-infra access review <group>`.' };
  const catalog = await deps.catalog.get();
  const group = catalog.find(wanted) ?? catalog.find(`${wanted}@kubernetes.io`);
  if (!group) {
    const guess = closestMatch(wanted, catalog.groups.map((g) => g.emailId));
    return { ok: false, message: `There is no group ${wanted}.${guess ? ` Did you mean ${guess}?` : ''}` };
  }
  const actor = deps.people.actorFor(args.userId);
  if (!isApprover(actor.github, group.approvers)) {
    await deps.audit.record({ at: args.now, actor: args.userId, action: 'access.refused', subject: `access-group:${group.emailId}`, payload: { attempted: 'review', code: 'not-approver' } });
    return { ok: false, message: `Only approvers of ${group.file} can review ${group.emailId}.` };
  }
  return { ok: true, group, members: reviewGroupMembers(group.members, await deps.requests.listByGroup(group.emailId)) };
}
