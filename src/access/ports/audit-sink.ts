import type { AccessAuditEntry } from '../domain/access-request.ts';

/**
 * Where the access audit trail goes besides the database (e.g. Google Cloud Logging). `key` is
 * the effect's idempotency key: a sink that can deduplicate (Cloud Logging's insertId) uses it
 * so a retried effect is recorded once.
 */
export interface AuditSink {
  record(entry: AccessAuditEntry, options?: { key?: string }): Promise<void>;
}

export class InMemoryAuditSink implements AuditSink {
  readonly entries: (AccessAuditEntry & { key?: string })[] = [];
  async record(entry: AccessAuditEntry, options: { key?: string } = {}): Promise<void> {
    if (options.key !== undefined && this.entries.some((e) => e.key === options.key)) return;
    this.entries.push({ ...entry, ...(options.key !== undefined ? { key: options.key } : {}) });
  }
}

/** Writes to every sink; all are attempted, the first failure is rethrown. */
export class FanOutAuditSink implements AuditSink {
  constructor(private readonly sinks: readonly AuditSink[]) {}
  async record(entry: AccessAuditEntry, options?: { key?: string }): Promise<void> {
    const results = await Promise.allSettled(this.sinks.map((s) => s.record(entry, options)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
