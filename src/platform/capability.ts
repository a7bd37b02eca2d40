/**
 * The capability contract: everything the platform learns about a capability (status, rota,
 * paging, incidents, access, …) comes through one `CapabilityModule` in `CAPABILITIES`.
 *
 * A module is static (name, config section, migrations, ids) so the config loader, the
 * migrator and the manifest test can read it without starting anything; `define` builds the
 * running capability from the platform's services and the module's own config section.
 */
import type { SlackListeners } from './slack/listener-table.ts';
import type { Router } from 'express';
import type { Kysely, Migration } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import type { Notifier } from '../core/notifier.ts';
import type { SubcommandHandler } from './commands/command-router.ts';
import type { ConfigIssue } from './config/cross-references.ts';
import type { CoreConfig } from './config/core-schema.ts';
import type { InfraConfig } from './config/schema.ts';
import type { PlatformEnv } from './config/env.ts';
import type { PeopleDirectory } from './config/people-directory.ts';
import type { HomeContribution, HomeRefresher } from './home/home-contract.ts';
import type { BoundJob, JobScheduler } from './jobs/define-job.ts';
import type { CommitTransition, Once } from './outbox/commit-transition.ts';
import type { AuditLog } from './store/audit-log.ts';
import type { CoreTables } from './store/core-tables.ts';
import type { Dialect } from './store/open-database.ts';

/** A section of infra.yaml owned by one capability (`rotations:`, `incidents:`, …). */
export interface ConfigSection<K extends string = string, S extends z.ZodType = z.ZodType> {
  key: K;
  schema: S;
  /**
   * References into other sections that the schema cannot see (a subproject naming a rotation).
   * Runs on the raw document too, so every error is reported at once: skip what is malformed.
   */
  crossReferences?: (config: RawConfig, known: KnownNames) => ConfigIssue[];
  /**
   * Things `check-config` reports without failing: settings that still work but should move
   * (contact data that belongs in the database, say). Shown as `file:line: path: warning: …`.
   */
  warnings?: (config: RawConfig) => ConfigIssue[];
  /** Extra text `check-config` prints for a valid file (e.g. the YAML another repository needs). */
  notes?: (config: RawConfig) => string[];
}

/** Names the capabilities declare statically, for checks that refer across capabilities. */
export interface KnownNames {
  /** Every report some capability contributes (`CapabilityModule.reports`). */
  reports: readonly string[];
}

/** The parsed document as cross-reference checks see it: possibly invalid, so every field unknown. */
export type RawConfig = Readonly<Record<string, unknown>>;

/** Every action_id, callback_id and block_id a capability renders or listens to. */
export interface IdTable {
  actions?: Readonly<Record<string, string>>;
  callbacks?: Readonly<Record<string, string>>;
  blocks?: Readonly<Record<string, string>>;
}

/** One `/k8s-infra <name>` subcommand, as `help` shows it and as the router runs it. */
export interface Subcommand {
  name: string;
  usage: string;
  summary: string;
  example: string;
  aliases?: readonly string[];
  handler: SubcommandHandler;
  /**
   * Said when the command fails because the database is unreachable: what did not happen and
   * what to do instead (e.g. "Your page was NOT raised: nobody was notified.").
   */
  whenUnavailable?: string;
}

/** A typed handle on another capability's `api`; import the key from that capability's `api.ts`. */
export interface ApiKey<T> {
  readonly capability: string;
  /** Type carrier only; never set. */
  readonly __api?: T;
}

export function apiKey<T>(capability: string): ApiKey<T> {
  return { capability };
}

/**
 * What a GitHub webhook delivery meant to one capability (the route answers with all of them).
 * `accepted`: the work continues after the answer (the route says 202 when all of it does).
 */
export type GithubEventOutcome = { handled: false } | { handled: true; outcome: string; accepted?: boolean };

/** The services the platform gives every capability; each capability takes what it needs. */
export interface Platform {
  /** The shared sections of infra.yaml: leads, people, channels, services, subprojects. */
  config: CoreConfig;
  env: PlatformEnv;
  clock: Clock;
  log: Logger;
  /** The Prometheus registry; a capability declares its own metrics on it. */
  registry: Registry;
  db: Kysely<CoreTables>;
  dialect: Dialect;
  audit: AuditLog;
  jobs: JobScheduler;
  /** Writes a state change and its effects (jobs, cancellations, audit, deliveries) in one transaction. */
  commit: CommitTransition;
  /** Runs work at most once per key, for effects outside the database (a GitHub comment). */
  once: Once;
  /** The bot's Web API client, for work outside a Slack request (jobs, webhooks). */
  slack: WebClient;
  notifier: Notifier;
  people: PeopleDirectory;
  /** Base URL people reach the bot at (links in messages, calendar feeds). */
  publicUrl: string;
  /** Counts a request to one of the capability's routes in k8s_infra_bot_http_requests_total. */
  countHttpRequest(route: string, status: number): void;
  /**
   * Republishes the Home tabs of these people (person ids or Slack ids), coalesced and a moment
   * later: call it after a change that shows on someone's Home tab has committed (one line).
   */
  home: HomeRefresher;
  /**
   * Another capability's api, looked up when called: capabilities are defined in list order,
   * and one started without the other gets a clear error at the call, not at start-up.
   */
  use<T>(key: ApiKey<T>): () => T;
  /** A report some running capability contributes, looked up when called (undefined when none is running). */
  report(name: string): ReportBuilder | undefined;
}

/** What a report is built for: the instant of the firing and the timezone of its schedule. */
export interface ReportContext {
  now: Date;
  timezone: string;
}

/** A report as posted to a channel: Block Kit built by a pure view (at most 50 blocks). */
export interface ReportMessage {
  text: string;
  blocks: unknown[];
}

/** Builds one named report; reads what it needs and never posts (the reports capability does). */
export type ReportBuilder = (ctx: ReportContext) => Promise<ReportMessage>;

/** A running capability: what it adds to the bot. Every part is optional. */
export interface Capability<Api = undefined> {
  commands?: readonly Subcommand[];
  /** Registers the capability's thin Slack listeners (actions, views, options, events). */
  listeners?: (app: SlackListeners) => void;
  /** Mounts HTTP routes (webhooks, pages, feeds) on the bot's server. */
  routes?: (router: Router) => void;
  jobs?: readonly BoundJob[];
  /** Signed `POST /webhooks/github` deliveries, already verified and parsed. */
  github?: (event: string, payload: unknown) => Promise<GithubEventOutcome>;
  /**
   * Runs after migrations each time the database becomes ready (start-up, or later when it was
   * down): schedules whatever must exist. Idempotent. `/readyz` fails until every hook succeeded.
   */
  onReady?: (now: Date) => Promise<void>;
  /**
   * Its section of each person's Home tab (what is waiting for them, what they are part of).
   * Composed in CAPABILITIES order within Slack's 100 blocks; see src/platform/home/home-contract.ts.
   */
  home?: HomeContribution;
  api?: Api;
  /**
   * Named reports that `schedules:` may post (`oncall-digest`, `staffing`): exactly the names the
   * module declares in `CapabilityModule.reports`.
   */
  reports?: Readonly<Record<string, ReportBuilder>>;
  stop?: () => Promise<void>;
}

/** What a capability's command-line command gets: the loaded config, the database, output. */
export interface CliContext {
  config: InfraConfig;
  env: PlatformEnv;
  /** Opens (and migrates) the database DATABASE_URL names; the command closes it. */
  openStore(): Promise<{ db: Kysely<CoreTables>; dialect: Dialect; close(): Promise<void> }>;
  clock: Clock;
  out(text: string): void;
  err(text: string): void;
}

/** `npx k8s-infra-bot <name> …`: an operator's command a capability adds (an import, a key rotation). */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Exit code: 0 done, 1 failed, 2 bad usage. */
  run(args: readonly string[], ctx: CliContext): Promise<number>;
}

export interface CapabilityModule<S extends ConfigSection | undefined = ConfigSection | undefined, Api = unknown> {
  name: string;
  config: S;
  migrations: Readonly<Record<string, Migration>>;
  ids: IdTable;
  /** The names of the reports its running capability gives (static, so check-config knows them). */
  reports?: readonly string[];
  cli?: readonly CliCommand[];
  define(platform: Platform, section: SectionValue<S>): Capability<Api>;
}

export type SectionValue<S> = S extends ConfigSection<string, infer Z> ? z.output<Z> : undefined;

/** `{ rotations: Rotation[] } & { incidents: IncidentSettings } & …` for a list of modules. */
export type SectionsOf<L extends readonly CapabilityModule[]> = UnionToIntersection<
  { [I in keyof L]: L[I] extends CapabilityModule<infer S> ? (S extends ConfigSection<infer K, infer Z> ? { [P in K]: z.output<Z> } : unknown) : unknown }[number]
>;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Declares a config section keeping its key's literal type (so `InfraConfig` knows `rotations:`). */
export function configSection<K extends string, S extends z.ZodType>(section: ConfigSection<K, S>): ConfigSection<K, S> {
  return section;
}
