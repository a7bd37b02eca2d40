import { testConfig } from './test-config.ts';
import { Writable } from 'node:stream';
import { readEnv } from '../../src/platform/config/env.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { ManualClock, systemClock, type Clock } from '../../src/core/clock.ts';
import { Metrics } from '../../src/platform/http/metrics.ts';
import { startBot, type Bot } from '../../src/platform/start-bot.ts';
import type { Store } from '../../src/platform/store/open-database.ts';
import type { CapabilityModule } from '../../src/platform/capability.ts';
import { CAPABILITIES } from '../../src/platform/capabilities.ts';
import { sqliteDatabase, type TestDatabase } from './test-databases.ts';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEST_BOT_TOKEN = 'xoxb-test-token-0123456789';

export interface TestBotOptions {
  config?: InfraConfig;
  clock?: Clock | ManualClock;
  database?: TestDatabase;
  store?: Store;
  slackApiUrl?: string;
  env?: Record<string, string>;
  replicaId?: string;
  jobPollMs?: number;
  /** The capabilities to run (default: all). */
  capabilities?: readonly CapabilityModule[];
  /** How long Home tab refreshes are coalesced (default: the bot's). */
  homeDebounceMs?: number;
}

export interface TestBot extends Bot {
  logLines: string[];
}

/** The real bot on an ephemeral port in HTTP mode, with logs captured for assertions. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const bot = await startTestBotUnready(options);
  await bot.whenReady;
  return bot;
}

/** As startTestBot, without waiting for the database. */
export async function startTestBotUnready(options: TestBotOptions = {}): Promise<TestBot> {
  const env = readEnv({
    PORT: '0',
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    LOG_LEVEL: 'info',
    ...(options.slackApiUrl ? { SLACK_API_URL: options.slackApiUrl } : {}),
    ...options.env,
  });
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString());
      cb();
    },
  });
  const log = createLogger({ level: 'info', secretValues: env.secretValues, destination: { write: (s: string) => destination.write(s) } });
  const store = options.store ?? (await (options.database ?? sqliteDatabase).open());
  const bot = await startBot({
    env,
    config: options.config ?? testConfig(),
    clock: options.clock ?? systemClock,
    log,
    metrics: new Metrics({ defaultMetrics: false }),
    store,
    replicaId: options.replicaId ?? 'test-replica',
    jobPollMs: options.jobPollMs ?? 20,
    ...(options.capabilities ? { capabilities: options.capabilities } : {}),
    ...(options.homeDebounceMs !== undefined ? { homeDebounceMs: options.homeDebounceMs } : {}),
  });
  return Object.assign(bot, { logLines });
}

/** The bot as `npm start` runs it without a Slack token: emulator and sandbox page on its own port. */
export async function startLocalModeBot(options: { config?: InfraConfig; clock?: Clock } = {}): Promise<TestBot> {
  const { mountLocalSlack } = await import('../../src/platform/local/local-slack.ts');
  const env = readEnv({ PORT: '0', LOG_LEVEL: 'warn' });
  const logLines: string[] = [];
  const log = createLogger({ level: 'warn', destination: { write: (s: string) => void logLines.push(s) } });
  const config = options.config ?? testConfig();
  const bot = await startBot({
    env,
    config,
    clock: options.clock ?? systemClock,
    log,
    metrics: new Metrics({ defaultMetrics: false }),
    store: await sqliteDatabase.open(),
    replicaId: 'local-test',
    beforeSlack: (web, port) => mountLocalSlack(web, port, config, log),
    jobPollMs: 50,
  });
  await bot.whenReady;
  return Object.assign(bot, { logLines });
}

/** Every capability, with the one named by `replacement` swapped for it (a module built with test options). */
export function replaceCapability(...replacements: CapabilityModule[]): CapabilityModule[] {
  return CAPABILITIES.map((c) => replacements.find((r) => r.name === c.name) ?? c);
}
