import type { AccessAuditEntry } from '../../../src/access/domain/access-request.ts';
import type { AuditSink } from '../../../src/access/ports/audit-sink.ts';

/** An audit sink that keeps entries, deduplicated by key as Cloud Logging's insertId does. */
export class InMemoryAuditSink implements AuditSink {
  readonly entries: (AccessAuditEntry & { key?: string })[] = [];
  async record(entry: AccessAuditEntry, options: { key?: string } = {}): Promise<void> {
    if (options.key !== undefined && this.entries.some((e) => e.key === options.key)) return;
    this.entries.push({ ...entry, ...(options.key !== undefined ? { key: options.key } : {}) });
  }
}
