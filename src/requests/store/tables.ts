import type { CoreTables } from '../../platform/store/core-tables.ts';

/** Resource requests: the ticket is one JSON document (`data`); the columns are what it is looked up by. Times are epoch ms. */
export type RequestsTable = {
  id: string;
  state: string;
  kind: string;
  requester: string;
  repo: string;
  issue_number: number | null;
  pr_number: number | null;
  created_at: number;
  last_activity_at: number;
  version: number;
  data: string;
};

export type RequestTables = {
  requests: RequestsTable;
};

export type RequestsDatabase = CoreTables & RequestTables;
