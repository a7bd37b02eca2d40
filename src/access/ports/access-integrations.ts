import type { AuditSink } from './audit-sink.ts';
import type { CodeHost } from './code-host.ts';
import type { GroupsCatalog } from './groups-catalog.ts';

/**
 * The outside services access requests need, built lazily by the capability: nothing talks to
 * GitHub or Google until the first request needs it.
 */
export interface AccessIntegrations {
  /** Groups catalog (GitHub repository, a checkout on disk, or the local-mode copy), cached. */
  readonly catalog: GroupsCatalog;
  /** Where branches, commits and pull requests are made. */
  codeHost(): CodeHost;
  /** Cloud Logging (when `access.cloudLogging` is set); the database audit log is written regardless. */
  auditSink(): AuditSink | undefined;
  /** `local` when the bot runs offline against the in-memory code host. */
  readonly mode: 'github' | 'local';
}
