import { testConfig } from './test-config.ts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createSlackEmulator, type SlackEmulator } from '../../src/sandbox/emulator.ts';
import { emulatorSeedFromConfig } from '../../src/platform/local/emulator-seed.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { startTestBot, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestBot, type TestBotOptions } from './start-test-bot.ts';
import type { Clock } from '../../src/core/clock.ts';

export interface E2E {
  bot: TestBot;
  slack: SlackEmulator;
  config: InfraConfig;
  stop(): Promise<void>;
}

export interface E2EOptions extends TestBotOptions {
  /** Slack's 1 message/s/channel limit; off by default so tests stay fast (tested on its own). */
  rateLimit?: boolean;
  slackClock?: Clock;
}

/**
 * The end-to-end rig: the Slack emulator on its own port, the real bot in HTTP mode pointed at it
 * (SLACK_API_URL), and every command, click and submission sent as signed HTTP requests.
 */
export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const config = options.config ?? testConfig();
  const seed = emulatorSeedFromConfig(config);
  const slack = createSlackEmulator({
    botToken: TEST_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
    // The emulator plays the workspace the config names (the bot refuses any other).
    identity: { teamId: config.slack.teamId },
    users: seed.users,
    channels: seed.channels,
    rateLimit: options.rateLimit ?? false,
    ...(options.slackClock ? { clock: options.slackClock } : {}),
  });
  const web = express();
  web.use('/', slack.router);
  const server: Server = createServer(web);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  slack.setPublicUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const bot = await startTestBot({ ...options, config, slackApiUrl: slack.apiUrl });
  slack.setBotUrl(`${bot.url}/slack/events`);
  return {
    bot,
    slack,
    config,
    async stop() {
      await bot.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
