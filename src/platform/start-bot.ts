import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver } from '@slack/bolt';
import express, { type Express } from 'express';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Env } from './config/env.ts';
import type { InfraConfig } from './config/schema.ts';
import type { Clock } from '../core/clock.ts';
import { CommandRouter } from './commands/command-router.ts';
import { buildCatalog } from './commands/command-catalog.ts';
import { registerHealthRoutes } from './http/health-routes.ts';
import { registerGithubWebhook } from './http/github-webhook.ts';
import { localHostGuard } from './http/local-host-guard.ts';
import type { Metrics } from './http/metrics.ts';
import { AuditLog } from './store/audit-log.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { Jobs } from './jobs/jobs.ts';
import { migrateToLatest, type Store } from './store/open-database.ts';
import type { JobsDueListener } from './store/jobs-due-listener.ts';
import { collectMigrations } from './store/migrations.ts';
import { boltLogger } from './logging/bolt-logger.ts';
import { SlackNotifier } from '../integrations/slack/slack-notifier.ts';
import type { Notifier } from '../core/notifier.ts';
import { PeopleDirectory } from './config/people-directory.ts';
import { createCommitTransition, createOnce } from './outbox/commit-transition.ts';
import { SlackHttpReceiver } from './slack/slack-http-receiver.ts';
import { socketWorkspaceGuard } from './slack/socket-workspace-guard.ts';
import type { ApiKey, Capability, CapabilityModule, Platform, ReportBuilder } from './capability.ts';
import { CAPABILITIES } from './capabilities.ts';
import { ListenerTable } from './slack/listener-table.ts';
import { registerAppHomeListener } from './home/app-home-listener.ts';
import { HomePublisher } from './home/home-publisher.ts';
import type { HomeContribution } from './home/home-contract.ts';
import { warmRegisteredModules } from '../core/lazy-module.ts';

export interface BotOptions {
  env: Env;
  config: InfraConfig;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  store: Store;
  replicaId: string;
  /**
   * The capabilities to run, in order (default: all of CAPABILITIES). Tests name the ones they
   * exercise, and pass a module built with its own options (fakes, shorter intervals) here.
   */
  capabilities?: readonly CapabilityModule[];
  /** Runs after the HTTP server listens (its port is known) and before Slack is wired: local mode mounts the emulator here. */
  beforeSlack?: (web: Express, port: number) => Promise<{ slackApiUrl?: string; botToken?: string; signingSecret?: string; teamId?: string } | void>;
  jobPollMs?: number;
  /** How long Home tab refreshes are coalesced (default HOME_REFRESH_DEBOUNCE_MS). */
  homeDebounceMs?: number;
}

export interface Bot {
  store: Store;
  audit: AuditLog;
  metrics: Metrics;
  /** The bot's own notifier (posts as the bot, outside any request). */
  notifier: Notifier;
  web: Express;
  server: Server;
  port: number;
  url: string;
  router: CommandRouter;
  jobRunner: JobRunner;
  /** The running capabilities, in list order (the manifest test registers their listeners on a recorder). */
  capabilities: readonly { module: CapabilityModule; capability: Capability<unknown> }[];
  /** Another capability's api, as the capabilities themselves reach it. */
  api<T>(key: ApiKey<T>): T;
  isReady(): boolean;
  /** Resolves once migrations ran, every `onReady` hook succeeded and background work started. */
  whenReady: Promise<void>;
  /**
   * Drains and closes everything: /readyz fails at once, no job is claimed any more, running jobs
   * get until `graceMs` (default: no limit) and are then aborted and released, then HTTP and the
   * database close. Each closing step is bounded, so a hung Slack or database cannot hold it.
   */
  stop(options?: { graceMs?: number }): Promise<StopOutcome>;
}

export interface StopOutcome {
  /** Jobs still running when the grace ran out, released for another replica. */
  releasedJobs: number;
  /** Closing steps that did not finish in their time (named), if any. */
  timedOut: string[];
}

/** What a stop keeps back from the grace for closing HTTP and the database after the jobs. */
const CLOSE_RESERVE_MS = 2000;

/** Runs a closing step, giving up on it (named in `timedOut`) after `ms`. */
async function bounded(name: string, ms: number, step: () => Promise<unknown>, timedOut: string[]): Promise<void> {
  if (!Number.isFinite(ms)) {
    await step().catch(() => undefined);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, ms));
  });
  const outcome = await Promise.race([step().then(() => 'done' as const, () => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') timedOut.push(name);
}

/** A capability gives exactly the reports its module declares, and no two share a name. */
export function addReports(reports: Map<string, ReportBuilder>, module: CapabilityModule, capability: Capability<unknown>): void {
  const declared = [...(module.reports ?? [])].sort();
  const given = Object.keys(capability.reports ?? {}).sort();
  if (declared.join() !== given.join()) throw new Error(`${module.name} declares reports [${declared.join(', ')}] but gives [${given.join(', ')}]`);
  for (const [name, build] of Object.entries(capability.reports ?? {})) {
    if (reports.has(name)) throw new Error(`two capabilities give the report ${name}`);
    reports.set(name, build);
  }
}

/** One Slack Web API call (a post, a views.open) never waits longer than this. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts the HTTP server first, so /healthz answers and /readyz explains what is missing while
 * the database is still coming up; then defines every capability of the list and wires what each
 * gives (subcommands, listeners, routes, jobs). Migrations and the capabilities' `onReady` hooks
 * retry until the database answers; `/readyz` fails until all of them succeeded.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { env, config, clock, log, metrics, store } = options;
  const modules = options.capabilities ?? CAPABILITIES;
  const web = express();
  web.disable('x-powered-by');
  if (env.slackMode === 'local') web.use(localHostGuard(env.host));
  const server = createServer(web);
  // Slack's Events API retries after 3 s; keep-alive sockets from load tests must not pin the process.
  server.keepAliveTimeout = 5000;
  const port = await listen(server, env.port, env.host);
  const url = `http://127.0.0.1:${port}`;

  const overrides = (await options.beforeSlack?.(web, port)) ?? {};
  const botToken = overrides.botToken ?? env.secrets.slackBotToken;
  const signingSecret = overrides.signingSecret ?? env.secrets.slackSigningSecret;
  const slackApiUrl = overrides.slackApiUrl ?? env.slackApiUrl;
  if (!botToken || (env.slackMode !== 'socket' && !signingSecret)) throw new Error('Slack credentials missing (checked by readEnv)');

  const clientOptions = {
    ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}),
    // Every call is bounded: the client's default is 10 retries over about 30 minutes, which would
    // hold a job (and what it holds) long after anyone cares. A 429 is thrown with its Retry-After,
    // and the job runner waits that long before retrying the job.
    timeout: SLACK_CALL_TIMEOUT_MS,
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000, maxRetryTime: 15_000 },
    rejectRateLimitedCalls: true,
  };
  const logger = boltLogger(log);
  // A fixed authorize: Bolt's single-token mode would call auth.test on the first request,
  // putting a Slack round trip (or an outage) in front of the 3-second ack.
  const authorize = async () => ({ botToken });
  // Bolt's default conversation store keeps per-conversation state in memory for every event: the
  // bot keeps its state in the database, and the store's middleware runs on every request.
  const convoStore = false as const;
  // Local mode serves the sandbox's own workspace; otherwise the one infra.yaml names.
  const workspace = overrides.teamId ? { teamId: overrides.teamId } : config.slack;
  const audit = new AuditLog(store.db);
  const onRefused = (r: { kind: string; actor: string | undefined; reason: string }) => {
    audit
      .record({ at: clock.now(), actor: r.actor ?? 'unknown', action: 'slack.refused', subject: `slack:${r.kind}`, payload: { reason: r.reason } })
      .catch((err: unknown) => log.warn({ err: (err as Error).message }, 'could not audit a refused Slack request'));
  };
  const app =
    env.slackMode === 'socket'
      ? new App({
          authorize,
          // The receiver's own client opens the connection (apps.connections.open): it must use
          // the same API base URL and timeouts as every other call, not slack.com's defaults.
          receiver: new SocketModeReceiver({ appToken: env.secrets.slackAppToken!, logger, installerOptions: { clientOptions } }),
          convoStore,
          logger,
          clientOptions,
        })
      : new App({
          authorize,
          receiver: ((receiver) => {
            web.use(receiver.router);
            return receiver;
          })(new SlackHttpReceiver({
            signingSecret: signingSecret!,
            workspace,
            log: log.child({ component: 'slack-edge' }),
            onRefused,
            onOutcome: (type, id, outcome) => metrics.interactions.inc({ type, id, outcome }),
          })),
          convoStore,
          logger,
          clientOptions,
        });
  if (env.slackMode === 'socket') app.use(socketWorkspaceGuard({ workspace, log: log.child({ component: 'slack-edge' }), onRefused }));
  // Jobs and webhooks post outside any request; they use this client with the bot token.
  const slackClient = new WebClient(botToken, { ...clientOptions, logger });

  let ready = false;
  const jobs = new Jobs(store.db, store.dialect);
  const jobRunner = new JobRunner(jobs, clock, log.child({ component: 'jobs' }), { worker: options.replicaId, pollMs: options.jobPollMs ?? 250, batch: store.jobSlots });
  const notifier = new SlackNotifier(slackClient, metrics, Object.fromEntries([config.channels.announcements, config.channels.alerts].map((c) => [c.name, c.id])));
  const people = new PeopleDirectory(config);
  const publicUrl = env.publicUrl ?? `http://localhost:${port}`;
  const apis = new Map<string, unknown>();
  let homeContributions: readonly HomeContribution[] = [];
  const home = new HomePublisher({
    contributions: () => homeContributions,
    people,
    slack: slackClient,
    clock,
    log: log.child({ component: 'home' }),
    ...(options.homeDebounceMs !== undefined ? { debounceMs: options.homeDebounceMs } : {}),
  });
  const reports = new Map<string, ReportBuilder>();
  const started = new Set(modules.map((m) => m.name));

  const platform: Platform = {
    config,
    env,
    clock,
    log,
    registry: metrics.registry,
    db: store.db,
    dialect: store.dialect,
    audit,
    jobs: {
      enqueue: async (job) => {
        const inserted = await jobs.enqueue(job, clock.now());
        if (inserted) jobRunner.wake();
        return inserted;
      },
      cancel: (id) => jobs.cancel(id, clock.now()),
      wake: () => jobRunner.wake(),
    },
    commit: createCommitTransition({ jobs, audit, clock, wake: () => jobRunner.wake() }),
    once: createOnce(store.db, clock),
    slack: slackClient,
    notifier,
    people,
    publicUrl,
    countHttpRequest: (route, status) => metrics.httpRequests.inc({ route, status: String(status) }),
    home,
    use<T>(key: ApiKey<T>) {
      return () => {
        if (!started.has(key.capability)) throw new Error(`the ${key.capability} capability is not running in this bot`);
        const api = apis.get(key.capability);
        if (api === undefined) throw new Error(`the ${key.capability} capability has no api (or is not defined yet)`);
        // Keys are typed by the capability that exports them; the map cannot carry each type.
        return api as T;
      };
    },
    report: (name) => reports.get(name),
  };

  const sections = new Map<string, unknown>(Object.entries(config));
  const capabilities: { module: CapabilityModule; capability: Capability<unknown> }[] = [];
  for (const module of modules) {
    const capability = module.define(platform, module.config ? sections.get(module.config.key) : undefined);
    if (capability.api !== undefined) apis.set(module.name, capability.api);
    addReports(reports, module, capability);
    capabilities.push({ module, capability });
  }

  homeContributions = capabilities.flatMap(({ capability }) => (capability.home ? [capability.home] : []));
  const listeners = new ListenerTable();
  registerAppHomeListener(listeners, { publisher: home, log: log.child({ component: 'home' }) });

  const router = new CommandRouter({ clock, log, metrics, isReady: () => ready }, buildCatalog(capabilities.flatMap((c) => c.capability.commands ?? [])));
  for (const { capability } of capabilities) {
    for (const command of capability.commands ?? []) router.on(command.name, command.handler, command.whenUnavailable);
    capability.listeners?.(listeners);
    for (const job of capability.jobs ?? []) jobRunner.add(job);
  }
  router.register(app);
  listeners.mount(app);
  app.error(async (err) => {
    const code = (err as { code?: string }).code;
    const data = (err as { data?: { error?: string } }).data;
    if (code === 'slack_webapi_platform_error') metrics.slackApiErrors.inc({ method: 'unknown', error: data?.error ?? 'unknown' });
    log.error({ err }, 'unhandled error in a Slack listener');
  });

  let shuttingDown = false;
  registerHealthRoutes(web, { checkDatabase: () => store.ping(), configLoaded: () => true, migrated: () => ready, shuttingDown: () => shuttingDown }, metrics);
  const handlers = capabilities.flatMap(({ capability }) => (capability.github ? [capability.github] : []));
  registerGithubWebhook(web, { secret: env.secrets.githubWebhookSecret, log, handlers });
  for (const { capability } of capabilities) capability.routes?.(web);
  if (env.slackMode === 'socket') await app.start();

  // Every known capability's migrations run, whichever subset is started: a database shared with
  // a bot running more of them must not look to the migrator as if migrations went missing.
  const migrations = collectMigrations([...CAPABILITIES.filter((c) => !modules.some((m) => m.name === c.name)), ...modules]);
  let stopped = false;
  let jobsDue: JobsDueListener | undefined;
  const whenReady = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await migrateToLatest(store, migrations);
        for (const { module, capability } of capabilities) {
          try {
            await capability.onReady?.(clock.now());
          } catch (err) {
            throw new Error(`${module.name}: ${(err as Error).message}`, { cause: err });
          }
        }
        // Optional clients this config uses (PagerDuty, SMTP) are loaded now, not on the first page.
        const coldModules = await warmRegisteredModules();
        if (coldModules.length > 0) log.warn({ errors: coldModules }, 'could not load an optional client ahead of use; it is retried on first use');
        ready = true;
        jobRunner.start();
        // Another replica's job due now starts here without waiting for the poll (PostgreSQL).
        jobsDue = store.watchJobsDue?.(() => jobRunner.wake());
        log.info({ database: store.description }, 'database ready');
        return;
      } catch (err) {
        const waitMs = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
        log.error({ database: store.description, err: (err as Error).message, attempt, retryInMs: waitMs }, 'database unavailable; /readyz fails until it answers; retrying');
        await new Promise((r) => setTimeout(r, waitMs).unref());
      }
    }
  })();

  return {
    store,
    audit,
    metrics,
    notifier,
    web,
    server,
    port,
    url,
    router,
    jobRunner,
    capabilities,
    api: (key) => platform.use(key)(),
    isReady: () => ready,
    whenReady,
    async stop(stopOptions = {}) {
      shuttingDown = true;
      stopped = true;
      const graceMs = stopOptions.graceMs ?? Number.POSITIVE_INFINITY;
      const deadline = performance.now() + graceMs;
      const left = (reserve = 0) => Math.max(0, deadline - performance.now() - reserve);
      const timedOut: string[] = [];
      const releasedJobs = await jobRunner.stop(Number.isFinite(graceMs) ? left(CLOSE_RESERVE_MS) : graceMs);
      await bounded('home', left(CLOSE_RESERVE_MS / 2), () => home.stop(), timedOut);
      await bounded('jobs listener', left(CLOSE_RESERVE_MS / 2), async () => jobsDue?.close(), timedOut);
      for (const { module, capability } of capabilities) {
        if (capability.stop) await bounded(`${module.name} stop`, left(CLOSE_RESERVE_MS / 2), () => capability.stop!(), timedOut);
      }
      if (env.slackMode === 'socket') await bounded('socket mode', left(CLOSE_RESERVE_MS / 2), () => app.stop(), timedOut);
      await bounded('http server', left(CLOSE_RESERVE_MS / 2), () => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }), timedOut);
      await bounded('database', left(), () => store.close(), timedOut);
      return { releasedJobs, timedOut };
    },
  };
}
