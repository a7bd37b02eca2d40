import type { CoreTables } from '../../platform/store/core-tables.ts';

/** Incidents and their timelines; times are epoch ms, lists and maps JSON text. */
export type IncidentsTable = {
  id: string;
  title: string;
  severity: string;
  status: string;
  services: string;
  description: string;
  commander: string;
  declarer: string;
  roles: string;
  page: number;
  channel_id: string | null;
  channel_name: string | null;
  summary_ts: string | null;
  issue_number: number | null;
  issue_url: string | null;
  review_issue_number: number | null;
  review_issue_url: string | null;
  pages: string;
  update_seq: number;
  declared_at: number;
  acknowledged_at: number | null;
  mitigated_at: number | null;
  resolved_at: number | null;
  resolution: string | null;
  last_update_at: number;
};

type IncidentTimelineTable = {
  id: string;
  incident_id: string;
  at: number;
  kind: string;
  actor: string;
  text: string;
  /** Idempotency key (e.g. the pinned message's ts): the same key is recorded once per incident. */
  dedup_key: string | null;
};

export type IncidentTables = {
  incidents: IncidentsTable;
  incident_timeline: IncidentTimelineTable;
};

/** What this capability's repositories see: its own tables and the platform's (jobs, audit log, keys). */
export type IncidentsDatabase = CoreTables & IncidentTables;
