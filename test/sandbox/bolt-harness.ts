import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, ExpressReceiver, LogLevel, type Logger } from '@slack/bolt';
import { ManualClock } from '../../src/core/clock.ts';
import { createSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from '../../src/sandbox/emulator.ts';

export const BOT_TOKEN = 'xoxb-test-token';
export const SIGNING_SECRET = 'test-signing-secret';
export const ALICE = 'U0ALICE';
export const BOB = 'U0BOB';

/** Bolt and its WebClient log every Slack error; the tests assert on them instead. */
const quiet: Logger = {
  debug: () => {}, info: () => {}, warn: () => {}, error: () => {},
  setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {},
};

export interface Harness {
  app: App;
  /** The express app serving /slack/events and /slack-emulator (tests may mount more). */
  web: ExpressReceiver['app'];
  emulator: SlackEmulator;
  clock: ManualClock;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A tiny real Bolt app (ExpressReceiver, HTTP mode) and the emulator on one port, wired the way
 * local mode wires them: the app's WebClient talks to the emulator, the emulator posts signed
 * requests to the app's /slack/events.
 */
export async function startHarness(options: Partial<SlackEmulatorOptions> = {}): Promise<Harness> {
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const emulator = createSlackEmulator({
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    clock,
    rateLimit: false,
    users: [
      { id: ALICE, name: 'alice', real_name: 'Alice Liddell', tz: 'Europe/Berlin', email: 'alice@example.org' },
      { id: BOB, name: 'bob', real_name: 'Bob Builder', tz: 'America/Los_Angeles', email: 'bob@example.org' },
    ],
    channels: [
      { id: 'C0INFRA', name: 'wg-k8s-infra', members: [ALICE, BOB] },
      { id: 'G0LEADS', name: 'k8s-infra-leads', is_private: true, members: [ALICE] },
      { id: 'C0OTHER', name: 'random', botMember: false },
    ],
    ...options,
  });
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, logger: quiet });
  receiver.app.use('/slack-emulator', emulator.router);
  const server: Server = await new Promise((resolve) => {
    const s = receiver.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.setPublicUrl(`${baseUrl}/slack-emulator`);
  emulator.setBotUrl(`${baseUrl}/slack/events`);
  const app = new App({
    token: BOT_TOKEN,
    receiver,
    logger: quiet,
    clientOptions: { slackApiUrl: emulator.apiUrl, retryConfig: { retries: 0 } },
  });
  // Bolt checks its token with auth.test as it starts; let that finish before a test may close the server.
  await emulator.waitFor(() => emulator.apiCalls.some((c) => c.method === 'auth.test'));
  return {
    app, web: receiver.app, emulator, clock, baseUrl,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
