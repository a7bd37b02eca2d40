import { createHash } from 'node:crypto';
import { Logging, type Log, type LoggingOptions } from '@google-cloud/logging';
import type { AccessAuditEntry } from '../../access/domain/access-request.ts';
import type { AuditSink } from '../../access/ports/audit-sink.ts';

export interface CloudLoggingAuditSinkOptions {
  projectId: string;
  /** Log id, e.g. `k8s-infra-bot-access`. */
  logName: string;
  /** Monitored resource for the entries; `global` unless the deployment says otherwise. */
  resource?: { type: string; labels?: Record<string, string> };
  /** Extra client options (credentials, endpoint). Default: Application Default Credentials. */
  loggingOptions?: LoggingOptions;
  /** Retries of one write on UNAVAILABLE/INTERNAL (the client's default when unset). */
  maxRetries?: number;
}

const WARNING_ACTIONS = new Set(['access.denied', 'access.failed', 'access.removal-declined']);

/** Cloud Logging deduplicates entries with equal insertId and timestamp; keep ids short. */
function insertIdFor(key: string): string {
  return key.length <= 128 && /^[\x21-\x7e]+$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 40);
}

/** Plain JSON (Dates → ISO strings, no undefined), as a Struct needs. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Writes access audit entries to Google Cloud Logging as structured `jsonPayload`, with
 * `action`, `actor` and `subject` also as labels for filtering, and the effect key as insertId.
 */
export class CloudLoggingAuditSink implements AuditSink {
  private readonly log: Log;
  private readonly resource: { type: string; labels: Record<string, string> };

  constructor(private readonly options: CloudLoggingAuditSinkOptions) {
    const logging = new Logging({ ...options.loggingOptions, projectId: options.projectId });
    this.log = logging.log(options.logName);
    // An explicit resource also spares the client from probing the metadata server.
    this.resource = { type: options.resource?.type ?? 'global', labels: options.resource?.labels ?? {} };
  }

  async record(entry: AccessAuditEntry, options: { key?: string } = {}): Promise<void> {
    const metadata = {
      timestamp: entry.at,
      severity: WARNING_ACTIONS.has(entry.action) ? 'WARNING' : 'NOTICE',
      labels: { action: entry.action, actor: entry.actor, subject: entry.subject },
      resource: this.resource,
      ...(options.key ? { insertId: insertIdFor(options.key) } : {}),
    };
    const payload = {
      message: `${entry.action} ${entry.subject} by ${entry.actor}`,
      action: entry.action,
      actor: entry.actor,
      subject: entry.subject,
      details: plain(entry.payload),
    };
    await this.log.write([this.log.entry(metadata, payload)], {
      resource: this.resource,
      ...(this.options.maxRetries !== undefined ? { gaxOptions: { maxRetries: this.options.maxRetries } } : {}),
    });
  }
}
