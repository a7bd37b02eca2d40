import type { AccessAuditEntry } from '../domain/access-request.ts';

/**
 * Where the access audit trail goes besides the database (e.g. Google Cloud Logging). `key` is
 * the effect's idempotency key: a sink that can deduplicate (Cloud Logging's insertId) uses it
 * so a retried effect is recorded once.
 */
export interface AuditSink {
  record(entry: AccessAuditEntry, options?: { key?: string }): Promise<void>;
}
