import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import type { InfraConfig } from './config/schema.ts';
import type { Metrics } from './http/metrics.ts';
import type { Store } from './store/open-database.ts';
import type { AuditLog } from './store/audit-log.ts';
import type { Jobs } from './jobs/jobs.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { Leases } from './store/leases.ts';
import type { WebClient } from '@slack/web-api';
import type { Env } from './config/env.ts';
import type { Notifier } from '../core/notifier.ts';
import type { PeopleDirectory } from './config/people-directory.ts';
import type { OnCallService } from '../rota/api.ts';

/**
 * Transitional: the service locator the capabilities were first written against. Each capability
 * is moving to the narrow `Platform` services and deps of its own use cases.
 */
export interface LegacyDeps {
  env: Env;
  config: InfraConfig;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  store: Store;
  audit: AuditLog;
  jobs: Jobs;
  jobRunner: JobRunner;
  leases: Leases;
  /** The bot's Web API client, for work that happens outside a Slack request (jobs, webhooks). */
  slack: WebClient;
  /** Posting, updating and DMs for work outside a Slack request. */
  notifier: Notifier;
  people: PeopleDirectory;
  /** Base URL people reach the bot at (links in messages, calendar feeds). */
  publicUrl: string;
}

/** Rota, paging and incidents: who is on call, from the rota capability. */
export type OnCallDeps = LegacyDeps & { onCall: OnCallService };
