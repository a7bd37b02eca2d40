import { apiKey } from '../platform/capability.ts';

/** A Google group of groups/** as other capabilities see it: where it is defined and who approves changes to it. */
export interface GroupDefinition {
  emailId: string;
  name: string;
  /** Repository-relative path of the defining file, e.g. `groups/sig-release/groups.yaml`. */
  file: string;
  /** GitHub handles whose approval Prow accepts for `file` (OWNERS, aliases expanded). */
  approvers: readonly string[];
}

export interface MembershipChange {
  kind: 'add' | 'remove';
  email: string;
}

/** A change to a group's members as a pull request would carry it: the file and how to edit it. */
export interface GroupMembershipEdit {
  /** `owner/name` and base branch of the repository holding the groups. */
  repo: string;
  branch: string;
  /** Repository-relative path of the group's groups.yaml. */
  path: string;
  /**
   * The file with the one-line change, kept the way access's own pull requests keep it;
   * undefined when there is nothing to do (already a member, or no longer one). Throws, saying
   * why, when the file cannot be edited that way (a layout it cannot keep, a group rule broken).
   */
  edit(text: string): string | undefined;
}

/** What other capabilities may ask the access capability: the groups it reads (who-owns), and membership edits (owners). */
export interface AccessApi {
  groups(): Promise<readonly GroupDefinition[]>;
  /** How to add or remove an address in a group's `members`; throws when no groups.yaml defines the group. */
  membershipEdit(groupEmail: string, change: MembershipChange): Promise<GroupMembershipEdit>;
}

export const ACCESS_API = apiKey<AccessApi>('access');
