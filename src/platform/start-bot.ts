import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import express, { type Express } from 'express';
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Env } from './config/env.ts';
import type { InfraConfig } from './config/schema.ts';
import type { Clock } from '../core/clock.ts';
import { registerHandlers } from './register-handlers.ts';
import { CommandRouter } from './commands/command-router.ts';
import { registerHealthRoutes } from './http/health-routes.ts';
import type { Metrics } from './http/metrics.ts';
import { AuditLog } from './store/audit-log.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { Jobs } from './jobs/jobs.ts';
import { Leases } from './store/leases.ts';
import { migrateToLatest, type Store } from './store/open-database.ts';
import { boltLogger } from './logging/bolt-logger.ts';
import type { AppDeps } from './app-deps.ts';
import { registerHttpRoutes } from './http/register-routes.ts';
import { SlackNotifier } from '../integrations/slack/slack-notifier.ts';
import { PeopleDirectory } from './config/people-directory.ts';
import { buildAccessIntegrations } from '../access/build-access-integrations.ts';
import { createOnCallService } from '../rota/on-call-service.ts';
import { rotaChangesSource } from '../rota/rota-model.ts';


export interface BotOptions {
  env: Env;
  config: InfraConfig;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  store: Store;
  replicaId: string;
  /** Runs after the HTTP server listens (its port is known) and before Slack is wired: local mode mounts the emulator here. */
  beforeSlack?: (web: Express, port: number) => Promise<{ slackApiUrl?: string; botToken?: string; signingSecret?: string } | void>;
  jobPollMs?: number;
}

export interface Bot {
  deps: AppDeps;
  web: Express;
  server: Server;
  port: number;
  url: string;
  router: CommandRouter;
  isReady(): boolean;
  /** Resolves once migrations ran and background work started. */
  whenReady: Promise<void>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts the HTTP server first, so /healthz answers and /readyz explains what is missing while
 * the database is still coming up; migrations retry until the database answers.
 */
export async function startBot(options: BotOptions): Promise<Bot> {
  const { env, config, clock, log, metrics, store } = options;
  const web = express();
  web.disable('x-powered-by');
  const server = createServer(web);
  // Slack's Events API retries after 3 s; keep-alive sockets from load tests must not pin the process.
  server.keepAliveTimeout = 5000;
  const port = await listen(server, env.port);
  const url = `http://127.0.0.1:${port}`;

  const overrides = (await options.beforeSlack?.(web, port)) ?? {};
  const botToken = overrides.botToken ?? env.secrets.slackBotToken;
  const signingSecret = overrides.signingSecret ?? env.secrets.slackSigningSecret;
  const slackApiUrl = overrides.slackApiUrl ?? env.slackApiUrl;
  if (!botToken || (env.slackMode !== 'socket' && !signingSecret)) throw new Error('Slack credentials missing (checked by readEnv)');

  const clientOptions = slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {};
  const logger = boltLogger(log);
  // A fixed authorize: Bolt's single-token mode would call auth.test on the first request,
  // putting a Slack round trip (or an outage) in front of the 3-second ack.
  const authorize = async () => ({ botToken });
  const app =
    env.slackMode === 'socket'
      ? new App({ authorize, appToken: env.secrets.slackAppToken, socketMode: true, logger, clientOptions })
      : new App({
          authorize,
          receiver: new ExpressReceiver({ signingSecret: signingSecret!, endpoints: '/slack/events', app: web, logger }),
          logger,
          clientOptions,
        });
  // Jobs and webhooks post outside any request; they use this client with the bot token.
  const slackClient = new WebClient(botToken, { ...clientOptions, logger });

  let migrated = false;
  const deps: AppDeps = {
    env,
    config,
    clock,
    log,
    metrics,
    store,
    audit: new AuditLog(store.db),
    jobs: new Jobs(store.db, store.dialect),
    jobRunner: undefined as unknown as JobRunner,
    leases: new Leases(store.db, options.replicaId),
    slack: slackClient,
    notifier: new SlackNotifier(slackClient, metrics, Object.fromEntries([config.channels.announcements, config.channels.alerts].map((c) => [c.name, c.id]))),
    people: new PeopleDirectory(config),
    onCall: createOnCallService(config, rotaChangesSource(store, config)),
    publicUrl: env.publicUrl ?? `http://localhost:${port}`,
    access: buildAccessIntegrations(env, config, clock, log.child({ component: 'access' })),
  };
  deps.jobRunner = new JobRunner(deps.jobs, clock, log.child({ component: 'jobs' }), { worker: options.replicaId, pollMs: options.jobPollMs ?? 250 });

  const router = new CommandRouter({ clock, log, metrics, isReady: () => migrated });
  registerHandlers(app, router, deps);
  router.register(app);
  app.error(async (err) => {
    const code = (err as { code?: string }).code;
    const data = (err as { data?: { error?: string } }).data;
    if (code === 'slack_webapi_platform_error') metrics.slackApiErrors.inc({ method: 'unknown', error: data?.error ?? 'unknown' });
    log.error({ err }, 'unhandled error in a Slack listener');
  });

  registerHealthRoutes(web, { checkDatabase: () => store.ping(), configLoaded: () => true, migrated: () => migrated }, metrics);
  registerHttpRoutes(web, deps);
  if (env.slackMode === 'socket') await app.start();

  let stopped = false;
  const whenReady = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await migrateToLatest(store);
        migrated = true;
        deps.jobRunner.start();
        log.info({ database: store.description }, 'database ready');
        return;
      } catch (err) {
        const waitMs = Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
        log.error({ database: store.description, err: (err as Error).message, attempt, retryInMs: waitMs }, 'database unavailable; /readyz fails until it answers; retrying');
        await new Promise((r) => setTimeout(r, waitMs));
      }
    }
  })();

  return {
    deps,
    web,
    server,
    port,
    url,
    router,
    isReady: () => migrated,
    whenReady,
    async stop() {
      stopped = true;
      await deps.jobRunner.stop();
      if (env.slackMode === 'socket') await app.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
