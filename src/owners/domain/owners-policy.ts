/** Who may act on a subproject's owners: pure, table-tested. */
export interface OwnersActor {
  /** Person id, or undefined for a Slack user not in the config. */
  personId: string | undefined;
  isLead: boolean;
}

export type OwnersAction = 'nominate' | 'vote' | 'offboard' | 'confirm-offboard';

/**
 * - nominate: the subproject's owners and the leads;
 * - vote: the subproject's owners and the leads, never the person the nomination is about;
 * - offboard: the subproject's owners, the leads, and the person themself (stepping down);
 * - confirm-offboard (below the charter's minimum): the leads only.
 */
export function mayActOnOwners(action: OwnersAction, actor: OwnersActor, subject: { owners: readonly string[]; personId: string }): boolean {
  const id = actor.personId;
  if (!id) return false;
  const owner = subject.owners.includes(id);
  switch (action) {
    case 'nominate':
      return owner || actor.isLead;
    case 'vote':
      return id !== subject.personId && (owner || actor.isLead);
    case 'offboard':
      return owner || actor.isLead || id === subject.personId;
    case 'confirm-offboard':
      return actor.isLead;
  }
}

export function ownersRefusal(action: OwnersAction, subprojectId: string): string {
  switch (action) {
    case 'nominate':
      return `:no_entry: Only the owners of \`${subprojectId}\` and the group's leads may nominate an owner.`;
    case 'vote':
      return `:no_entry: Only the owners of \`${subprojectId}\` and the group's leads vote on its owners (never the nominee).`;
    case 'offboard':
      return `:no_entry: Only the owners of \`${subprojectId}\`, the group's leads and the person themself may offboard an owner.`;
    case 'confirm-offboard':
      return `:no_entry: Only a lead may confirm an offboarding that leaves \`${subprojectId}\` below the charter's minimum.`;
  }
}
