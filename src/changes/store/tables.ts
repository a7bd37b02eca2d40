import type { CoreTables } from '../../platform/store/core-tables.ts';

/**
 * Changes and their reviews. The change itself is one JSON document (`data`); the columns beside
 * it are what the bot looks changes up by. Times are epoch milliseconds.
 */
export type ChangesTable = {
  id: string;
  state: string;
  tier: string;
  title: string;
  author: string;
  created_at: number;
  /** When it was cleared or rejected: the decisions log's order. */
  decided_at: number | null;
  issue_repo: string | null;
  issue_number: number | null;
  pr_repo: string | null;
  pr_number: number | null;
  /** Lower-case title, description, services, SIGs, id and links, for `/k8s-infra decisions <query>`. */
  search_text: string;
  /** Bumped by every write; a write based on an older version is refused (read again and retry). */
  version: number;
  data: string;
};

export type ChangeReviewsTable = {
  change_id: string;
  /** A Slack user id, or `github:<login>`. One row per person: their latest word. */
  reviewer: string;
  verdict: string;
  reason: string;
  at: number;
  source: string;
};

export type ChangeTables = {
  changes: ChangesTable;
  change_reviews: ChangeReviewsTable;
};

export type ChangesDatabase = CoreTables & ChangeTables;
