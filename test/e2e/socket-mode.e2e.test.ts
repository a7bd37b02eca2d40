/**
 * Socket Mode end to end: the real bot with SLACK_APP_TOKEN, so Bolt's SocketModeReceiver and the
 * real @slack/socket-mode client connect to a local Socket Mode endpoint (apps.connections.open,
 * hello, envelopes acked by envelope_id, disconnect/refresh_requested) while the Slack emulator
 * plays the workspace and its Web API. The same help, page and Acknowledge as in HTTP mode.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackEmulator, type SlackEmulator } from '../../src/sandbox/emulator.ts';
import { emulatorSeedFromConfig } from '../../src/platform/local/emulator-seed.ts';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import { FOREIGN_WORKSPACE_TEXT } from '../../src/platform/slack/slack-http-receiver.ts';
import { mountSocketModeSlack, type SocketModeSlack } from '../helpers/socket-mode-slack.ts';
import { startTestBot, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type TestBot } from '../helpers/start-test-bot.ts';
import { pagingConfig } from '../escalation/paging-fixture.ts';

const APP_TOKEN = 'xapp-1-A0SOCKET-0123456789-socketmodetesttoken';
const OWNER = 'U0BENTHEE'; // bentheelder, an owner of registry: may acknowledge its pages.
const REPORTER = 'U0THOCKIN';

describe('Socket Mode end to end (real @slack/socket-mode client, local Socket Mode endpoint)', () => {
  let server: Server;
  let slack: SlackEmulator;
  let socket: SocketModeSlack;
  let bot: TestBot;

  beforeAll(async () => {
    const config = pagingConfig();
    const seed = emulatorSeedFromConfig(config);
    slack = createSlackEmulator({ botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET, identity: { teamId: config.slack.teamId }, users: seed.users, channels: seed.channels, rateLimit: false });
    const web = express();
    server = createServer(web);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    socket = mountSocketModeSlack(web, server, base, APP_TOKEN);
    web.use('/', slack.router);
    slack.setPublicUrl(base);
    slack.setBotUrl(socket.bridgeUrl);
    bot = await startTestBot({ config, slackApiUrl: slack.apiUrl, env: { SLACK_APP_TOKEN: APP_TOKEN } });
  });
  afterAll(async () => {
    await bot?.stop();
    socket?.close();
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it('connects with the app token and is greeted', async () => {
    await socket.waitForConnections(1);
    expect(socket.connections).toBe(1);
    expect(bot.isReady()).toBe(true);
  });

  it('answers /k8s-infra help in the ack of the slash_commands envelope', async () => {
    const channel = slack.channelByName('wg-k8s-infra')!;
    const r = await slack.sendSlashCommand({ userId: REPORTER, channelId: channel.id, text: 'help' });
    expect(r.ok).toBe(true);
    expect(r.ackMs).toBeLessThan(3000);
    const envelope = socket.envelopes.at(-1)!;
    expect(envelope.type).toBe('slash_commands');
    expect(JSON.stringify(envelope.acked)).toContain('/k8s-infra page registry');
    expect(JSON.stringify(slack.ephemerals(REPORTER).at(-1)!.blocks)).toContain('/k8s-infra page registry');
  });

  it('refuses a command from another workspace as the HTTP edge does: told why, nothing runs', async () => {
    const channel = slack.channelByName('wg-k8s-infra')!;
    const before = slack.messages('k8s-infra-alerts').length;
    const r = await slack.sendSlashCommand({ userId: REPORTER, channelId: channel.id, text: 'page registry from another org', fromTeam: { id: 'T0OTHERORG', domain: 'other-org' } });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(socket.envelopes.at(-1)!.acked)).toContain(FOREIGN_WORKSPACE_TEXT);
    await new Promise((res) => setTimeout(res, 500));
    expect(slack.messages('k8s-infra-alerts')).toHaveLength(before);
    const refused = await bot.audit.list({ action: 'slack.refused' });
    expect(refused.at(-1)).toMatchObject({ subject: 'slack:slash_command' });
  });

  it('reconnects after disconnect (refresh_requested) and keeps working: a page is raised and acknowledged', async () => {
    socket.refresh();
    await socket.waitForConnections(2);

    const channel = slack.channelByName('wg-k8s-infra')!;
    const cmd = await slack.sendSlashCommand({ userId: REPORTER, channelId: channel.id, text: 'page registry image pulls failing in eu over socket mode' });
    expect(cmd.ok).toBe(true);
    const post = await slack.waitFor(() => slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes('[PAGE] registry')), { timeoutMs: 15_000 });
    expect(JSON.stringify(post.blocks)).toContain(PAGING_IDS.actions.acknowledge);

    const clicked = await slack.clickButton({ userId: OWNER, source: { messageTs: post.ts, channelId: post.channel }, actionId: PAGING_IDS.actions.acknowledge });
    expect(clicked.ok).toBe(true);
    expect(socket.envelopes.at(-1)!.type).toBe('interactive');
    await expect
      .poll(() => JSON.stringify(slack.messages(post.channel).find((m) => m.ts === post.ts)), { timeout: 15_000 })
      .toContain('Acknowledged* by <@U0BENTHEE>');
    const shown = slack.messages(post.channel).find((m) => m.ts === post.ts)!;
    expect(JSON.stringify(shown.blocks)).not.toContain(PAGING_IDS.actions.acknowledge);
    // Every envelope was acked over the socket.
    expect(socket.envelopes.filter((e) => e.acked === undefined)).toEqual([]);
  }, 60_000);
});
