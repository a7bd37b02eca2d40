import type { CoreTables } from '../../platform/store/core-tables.ts';

/**
 * Access requests: the whole request as JSON (`data`), plus the columns the bot looks rows up by.
 * `version` mirrors `data.version` so an update can compare-and-set between replicas.
 */
export type AccessRequestsTable = {
  id: string;
  status: string;
  group_email: string;
  requester_slack: string;
  pr_branch: string | null;
  pr_number: number | null;
  removal_pr_branch: string | null;
  removal_pr_number: number | null;
  /** Epoch ms; temporary access only. */
  expires_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
  data: string;
};

export type AccessTables = {
  access_requests: AccessRequestsTable;
};

/** What this capability's repositories see: its own tables and the platform's (jobs, audit log, keys). */
export type AccessDatabase = CoreTables & AccessTables;
