import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { InfraConfig } from '../config/schema.ts';
import { createSlackEmulator, type SlackEmulator } from '../../sandbox/emulator.ts';
import { createSandboxRouter } from '../../sandbox/sandbox-page.ts';
import { emulatorSeedFromConfig } from './emulator-seed.ts';

export const LOCAL_BOT_TOKEN = 'xoxb-local-sandbox';
/** The sandbox's own workspace: local mode serves it, whatever infra.yaml names. */
export const LOCAL_TEAM_ID = 'T0SANDBOX';

/**
 * Local mode: the emulator's Web API and the sandbox page live on the bot's own port, and the
 * bot talks to them exactly as it would to Slack (signed requests, real Web API calls).
 */
export async function mountLocalSlack(
  web: Express,
  port: number,
  config: InfraConfig,
  log: Logger,
): Promise<{ slackApiUrl: string; botToken: string; signingSecret: string; teamId: string; emulator: SlackEmulator }> {
  const signingSecret = randomBytes(16).toString('hex');
  const base = `http://127.0.0.1:${port}`;
  const seed = emulatorSeedFromConfig(config);
  const emulator = createSlackEmulator({
    botToken: LOCAL_BOT_TOKEN,
    signingSecret,
    identity: { teamId: LOCAL_TEAM_ID },
    botUrl: `${base}/slack/events`,
    publicUrl: `${base}/slack-emulator`,
    users: seed.users,
    channels: seed.channels,
  });
  web.use('/slack-emulator', emulator.router);
  web.use('/sandbox', createSandboxRouter(emulator, { people: seed.users }));
  log.info({ sandbox: `http://localhost:${port}/sandbox` }, 'local mode: Slack emulator mounted');
  return { slackApiUrl: `${base}/slack-emulator/api/`, botToken: LOCAL_BOT_TOKEN, signingSecret, teamId: LOCAL_TEAM_ID, emulator };
}
