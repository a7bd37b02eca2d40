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

/** What other capabilities may ask the access capability: the groups it reads (who-owns). */
export interface AccessApi {
  groups(): Promise<readonly GroupDefinition[]>;
}

export const ACCESS_API = apiKey<AccessApi>('access');
