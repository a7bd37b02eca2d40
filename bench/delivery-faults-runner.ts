/**
 * The real bot (rota and paging) for bench/delivery-faults.bench.ts, in-process or as a child
 * process the bench kills with SIGKILL. As a child: `tsx bench/delivery-faults-runner.ts` with
 * SLACK_API_URL, BENCH_SQLITE (the database file) and BENCH_CLOCK_OFFSET_MS (the bench moves the
 * clock on at each restart, so the job leases the killed process held have expired, as they would
 * have a minute later); prints `listening <port>` once the bot is ready.
 */
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import type { Clock } from '../src/core/clock.ts';
import { paging } from '../src/escalation/capability.ts';
import { readEnv } from '../src/platform/config/env.ts';
import { loadConfigOrThrow } from '../src/platform/config/load-config.ts';
import type { InfraConfig } from '../src/platform/config/schema.ts';
import { Metrics } from '../src/platform/http/metrics.ts';
import { startBot, type Bot } from '../src/platform/start-bot.ts';
import { openDatabase, type Store } from '../src/platform/store/open-database.ts';
import { rota } from '../src/rota/capability.ts';

export const BENCH_BOT_TOKEN = 'xoxb-bench-token-0123456789';
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789';

/** config/infra.yaml without status rounds or probes: the bench sends traffic to this machine only. */
export function benchConfig(): InfraConfig {
  const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
  config.status = { ...config.status, scheduled: false };
  config.services = config.services.map((s) => ({ ...s, pageOnDown: false, probes: [] }));
  return config;
}

export function offsetClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

export async function startBenchBot(options: { slackApiUrl: string; store: Store; replicaId: string; clock?: Clock; port?: number }): Promise<Bot> {
  const env = readEnv({ PORT: String(options.port ?? 0), HOST: '127.0.0.1', SLACK_BOT_TOKEN: BENCH_BOT_TOKEN, SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET, SLACK_API_URL: options.slackApiUrl, LOG_LEVEL: 'fatal' });
  const bot = await startBot({
    env,
    config: benchConfig(),
    clock: options.clock ?? offsetClock(0),
    log: pino({ level: process.env.BENCH_LOG ?? 'fatal' }),
    metrics: new Metrics({ defaultMetrics: false }),
    store: options.store,
    replicaId: options.replicaId,
    capabilities: [rota, paging],
    jobPollMs: 50,
  });
  await bot.whenReady;
  return bot;
}

async function main(): Promise<void> {
  const file = process.env.BENCH_SQLITE;
  const slackApiUrl = process.env.SLACK_API_URL;
  if (!file || !slackApiUrl) throw new Error('BENCH_SQLITE and SLACK_API_URL are required');
  const store = await openDatabase({ kind: 'sqlite', path: file });
  const bot = await startBenchBot({ slackApiUrl, store, replicaId: `child-${process.pid}`, clock: offsetClock(Number(process.env.BENCH_CLOCK_OFFSET_MS ?? 0)) });
  process.stdout.write(`listening ${bot.port}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
