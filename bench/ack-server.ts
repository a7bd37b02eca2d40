/** The process under load in ack.bench.ts: our bot or a bare Bolt app, printing its URL. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import { startTestBot, TEST_SIGNING_SECRET } from '../test/helpers/start-test-bot.ts';

if (process.argv[2] === 'bare') {
  const web = express();
  const receiver = new ExpressReceiver({ signingSecret: TEST_SIGNING_SECRET, endpoints: '/slack/events', app: web });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-bare' }) });
  app.command('/k8s-infra', async ({ ack }) => {
    await ack();
  });
  const server = createServer(web);
  server.listen(0, '127.0.0.1', () => console.log(`URL http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`));
} else {
  const bot = await startTestBot({ env: { LOG_LEVEL: 'warn' } });
  console.log(`URL ${bot.url}/slack/events`);
}
