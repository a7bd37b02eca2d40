import type { AccessRequest } from '../domain/access-request.ts';
import { isApprover } from '../domain/approval-rules.ts';
import type { AccessPeople } from '../ports/access-people.ts';
import type { AccessRequests } from '../ports/access-requests.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';

export interface ListAccessRequestsDeps {
  requests: AccessRequests;
  catalog: GroupsCatalog;
  people: AccessPeople;
}

/**
 * `/k8s-infra access list`: the person's own requests, and the pending ones they may approve
 * (approvers as the catalog says now; as at request time when the catalog cannot be read).
 */
export async function listAccessRequests(deps: ListAccessRequestsDeps, userId: string): Promise<{ mine: AccessRequest[]; waiting: AccessRequest[] }> {
  const mine = await deps.requests.listByRequester(userId);
  const { github } = deps.people.actorFor(userId);
  if (!github) return { mine, waiting: [] };
  const pending = await deps.requests.listByStatus(['pending']);
  const catalog = await deps.catalog.get().catch(() => undefined);
  const waiting = pending.filter((r) => {
    if (r.requester.slackUserId === userId) return false;
    if (r.approvals.some((a) => a.slackUserId === userId)) return false;
    return isApprover(github, catalog?.find(r.group.emailId)?.approvers ?? r.approversAtRequest);
  });
  return { mine, waiting };
}
