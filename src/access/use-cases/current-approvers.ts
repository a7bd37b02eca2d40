import type { GroupsCatalog } from '../ports/groups-catalog.ts';

/**
 * The group's approvers in the catalog as it is now (empty when the group is gone): someone
 * removed from OWNERS since the request was made can no longer decide.
 */
export async function currentApprovers(catalog: GroupsCatalog, groupEmail: string): Promise<readonly string[]> {
  return (await catalog.get()).find(groupEmail)?.approvers ?? [];
}
