import type { Generated } from 'kysely';

/** Times are stored as epoch milliseconds (bigint), JSON as text: the same on SQLite and PostgreSQL. */
export interface AuditLogTable {
  /** Time-ordered: sorts in the order entries were written. */
  id: string;
  at: number;
  actor: string;
  action: string;
  subject: string;
  payload: string;
}

export interface JobsTable {
  /** Idempotency key: enqueueing the same id twice schedules one job. */
  id: string;
  kind: string;
  due_at: number;
  payload: string;
  status: 'pending' | 'done' | 'failed' | 'cancelled';
  /** Ms the job yields to more urgent ones: claimed by `due_at + priority` (`JOB_PRIORITY`). */
  priority: Generated<number>;
  attempts: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export interface LeasesTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** Keys of requests already handled, so a retried Slack delivery changes nothing. */
export interface ProcessedKeysTable {
  key: string;
  at: number;
  result: string | null;
}

export interface CoreTables {
  audit_log: AuditLogTable;
  jobs: JobsTable;
  leases: LeasesTable;
  processed_keys: ProcessedKeysTable;
}
