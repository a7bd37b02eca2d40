import type { CoreTables } from '../../platform/store/core-tables.ts';

/** Paging: one row per page (state as JSON plus the columns queries need), its Slack messages, and the notification outbox. */
export type PagesTable = {
  id: string;
  subproject_id: string;
  severity: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** Optimistic-concurrency token: every write is `... WHERE version = <read version>`. */
  version: number;
  step_seq: number;
  next_step_due_at: number | null;
  created_at: number;
  updated_at: number;
  /** PageState JSON (src/escalation/domain/page-state.ts). */
  state: string;
  /** How many timeline entries are confirmed posted in the Slack thread. */
  timeline_posted: number;
  /** How many timeline entries have been handed to thread delivery jobs (at least timeline_posted). */
  timeline_scheduled: number;
};

/** Every Slack message showing a page (the channel post and each DM), so all can be updated. */
export type PageMessagesTable = {
  page_id: string;
  channel: string;
  ts: string;
  kind: 'channel' | 'dm';
  person_id: string | null;
  created_at: number;
};

/** One row per notification the escalation decided on; unique key so a retried transaction queues it once. */
export type PageOutboxTable = {
  key: string;
  page_id: string;
  payload: string;
  created_at: number;
  /** Set when the DM is about to go out (committed first): a retry that finds it looks before sending again. */
  sending_at: number | null;
  /** The job run sending it now, and until when that holds (a fence against a second run of the job). */
  sending_by: string | null;
  sending_until: number | null;
  sent_at: number | null;
  dropped_at: number | null;
};

/** Every page a person asked for (raised or joined), keyed on the request, for per-hour limits. */
export type PageReportsTable = {
  key: string;
  /** Slack user id of whoever asked. */
  reporter: string;
  /** Their person id when they are in the config. */
  person_id: string | null;
  subproject_id: string;
  /** The page raised or joined; null until it is settled. */
  page_id: string | null;
  outcome: 'raised' | 'joined' | null;
  at: number;
};

export type PagingTables = {
  pages: PagesTable;
  page_messages: PageMessagesTable;
  page_outbox: PageOutboxTable;
  page_reports: PageReportsTable;
};

/** What this capability's repositories see: its own tables and the platform's (jobs, audit log, keys). */
export type PagingDatabase = CoreTables & PagingTables;
