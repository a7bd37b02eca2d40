import type { CoreTables } from '../../platform/store/core-tables.ts';

/** Status checks: one row per service per round (kept 8 days for uptime), and one tracked state per service. */
export type StatusChecksTable = {
  service_id: string;
  /** Epoch ms. */
  checked_at: number;
  state: string;
  detail: string;
  /** ProbeResult[] as JSON (dates as ISO strings). */
  probes: string;
};

/** TrackedServiceState (src/status/track-service-state.ts), times as epoch ms. */
export type StatusServiceStateTable = {
  service_id: string;
  state: string | null;
  since: number | null;
  pending: string | null;
  pending_count: number;
  pending_since: number | null;
  last_state: string;
  last_detail: string;
  last_checked_at: number;
  /** 0 or 1: a page was triggered for the current outage and not resolved yet. */
  page_open: number;
  /** The paging engine's id for the open page (set by the page job), so a recovery can resolve it. */
  page_ref: string | null;
};

export type StatusTables = {
  status_checks: StatusChecksTable;
  status_service_state: StatusServiceStateTable;
};

/** What this capability's repositories see: its own tables and the platform's (jobs, audit log, keys). */
export type StatusDatabase = CoreTables & StatusTables;
