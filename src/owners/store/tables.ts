import type { CoreTables } from '../../platform/store/core-tables.ts';

export interface OwnersContactsTable {
  person_id: string;
  key_id: string;
  nonce: string;
  ciphertext: string;
  tag: string;
  /** `person` (entered in Slack) or `import` (moved from infra.yaml). */
  source: string;
  updated_at: number;
}

export interface OwnersNominationsTable {
  id: string;
  /** `nominate` or `offboard`. */
  kind: string;
  subproject_id: string;
  person_id: string;
  nominator_id: string;
  status: string;
  /** JSON: the PSC statements (credentials, support, intent). */
  statements: string;
  issue_number: number | null;
  issue_url: string | null;
  deadline_at: number | null;
  /** JSON: what acceptance did (PR links, shadow shift), for the issue's checklist. */
  outcome: string | null;
  created_at: number;
  decided_at: number | null;
}

export interface OwnersVotesTable {
  nomination_id: string;
  voter_id: string;
  vote: string;
  at: number;
}

export interface OwnersStaffingStateTable {
  subproject_id: string;
  state: string;
  checked_slot: string;
  updated_at: number;
}

export type OwnersTables = {
  owners_contacts: OwnersContactsTable;
  owners_nominations: OwnersNominationsTable;
  owners_votes: OwnersVotesTable;
  owners_staffing_state: OwnersStaffingStateTable;
};

export type OwnersDatabase = CoreTables & OwnersTables;
