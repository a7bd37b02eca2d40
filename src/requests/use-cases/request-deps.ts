import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import type { DnsClient } from '../../integrations/dns/dns-client.ts';
import type { CommitTransition, Once } from '../../platform/outbox/commit-transition.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { Kysely } from 'kysely';
import type { RequestsSettings } from '../config.ts';
import type { ZoneSource } from '../domain/dns-request.ts';
import type { TicketHost } from '../ports/ticket-host.ts';
import type { TicketStore } from '../ports/ticket-store.ts';

/** A person of the config, as requests need them: Slack id and GitHub handle. */
export interface RequestPerson {
  id: string;
  slack: string;
  github: string;
}

/** What the requests use cases need; each takes the part it uses. */
export interface RequestDeps {
  tickets: TicketStore;
  host: TicketHost;
  notifier: Notifier;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  settings: RequestsSettings;
  /** The zone files the form checks against (a local copy; the PR edits GitHub's current file). */
  zones(): ZoneSource[];
  /** groups/<folder>/groups.yaml texts of the local copy, by folder. */
  groupFiles(): Map<string, string>;
  dns: DnsClient;
  people: readonly RequestPerson[];
  leads: readonly string[];
  /** Effects with no row of their own (a queued notice) go through here. */
  db: Kysely<CoreTables>;
  commit: CommitTransition;
  /** Outside effects done at most once per key (a GitHub comment before a step that may fail). */
  once: Once;
}
