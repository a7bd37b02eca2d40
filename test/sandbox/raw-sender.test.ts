import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackEmulator, signSlackRequest, type SlackEmulator } from '../../src/sandbox/emulator.ts';
import { ALICE, SIGNING_SECRET, startHarness, type Harness } from './bolt-harness.ts';

/**
 * sendRaw for adversarial tests: exactly the bytes and headers asked for reach the bot, signed
 * the way Slack signs unless told otherwise, and the answer comes back with status, body, time.
 */

interface Seen {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let seen: Seen[];
let answer: { status: number; body: string; delayMs: number };
let slack: SlackEmulator;

beforeEach(async () => {
  seen = [];
  answer = { status: 200, body: '', delayMs: 0 };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      setTimeout(() => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json', 'X-Answered-By': 'capture' });
        res.end(answer.body);
      }, answer.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  slack = createSlackEmulator({
    botToken: 'xoxb-x', signingSecret: SIGNING_SECRET, botUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    users: [{ id: ALICE, name: 'alice' }], channels: [{ id: 'C0INFRA', name: 'wg-k8s-infra', members: [ALICE] }],
  });
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const last = (): Seen => {
  const s = seen.at(-1);
  if (!s) throw new Error('nothing reached the bot');
  return s;
};
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The signature a request carries is right for its own body and timestamp. */
const signedRight = (s: Seen) => s.headers['x-slack-signature'] === signSlackRequest(SIGNING_SECRET, s.body, String(s.headers['x-slack-request-timestamp']));

describe('bodies', () => {
  it('sends an interactivity form with any payload JSON, payload=null included', async () => {
    await slack.sendRaw({ payload: null });
    expect(last().body).toBe('payload=null');
    expect(last().headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(signedRight(last())).toBe(true);

    const noUser = { type: 'block_actions', actions: 'not-a-list', team: { id: 'T0SANDBOX' } };
    await slack.sendRaw({ payload: noUser });
    expect(JSON.parse(new URLSearchParams(last().body).get('payload') ?? '')).toEqual(noUser);

    await slack.sendRaw({ form: { payload: '{not json' } });
    expect(new URLSearchParams(last().body).get('payload')).toBe('{not json');
  });

  it('sends any JSON (events, url_verification) and any string verbatim', async () => {
    await slack.sendRaw({ json: { type: 'url_verification', token: 't', challenge: 'c-123' } });
    expect(last()).toMatchObject({ body: '{"type":"url_verification","token":"t","challenge":"c-123"}', headers: { 'content-type': 'application/json' } });
    expect(signedRight(last())).toBe(true);
    await slack.sendRaw({ json: { type: 'app_rate_limited', token: 't', team_id: 'T0SANDBOX', minute_rate_limited: 1518467820, api_app_id: 'A0SANDBOX' } });
    expect(JSON.parse(last().body)).toMatchObject({ type: 'app_rate_limited' });
    await slack.sendRaw('command=%2Fk8s-infra&text=help');
    expect(last().body).toBe('command=%2Fk8s-infra&text=help');
    await slack.sendRaw('{"raw":true}', { contentType: 'application/json; charset=utf-8' });
    expect(last().headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('builds payloads from the emulator\'s identity fields', async () => {
    await slack.sendRaw({ payload: { type: 'shortcut', callback_id: 'x', trigger_id: '1.2.3', ...slack.payloadIdentity(ALICE) } });
    expect(JSON.parse(new URLSearchParams(last().body).get('payload') ?? '')).toMatchObject({
      type: 'shortcut', team: { id: 'T0SANDBOX' }, user: { id: ALICE, team_id: 'T0SANDBOX' }, api_app_id: 'A0SANDBOX', is_enterprise_install: false,
    });
  });
});

describe('signatures and timestamps', () => {
  it('signs with now in whole seconds by default', async () => {
    const before = nowSeconds();
    await slack.sendRaw('a=1');
    const ts = Number(last().headers['x-slack-request-timestamp']);
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(nowSeconds());
    expect(signedRight(last())).toBe(true);
  });

  it('sends a timestamp 6 minutes old, 6 minutes ahead, or in milliseconds, each rightly signed', async () => {
    await slack.sendRaw('a=1', { skewSeconds: -360 });
    expect(Math.abs(Number(last().headers['x-slack-request-timestamp']) - (nowSeconds() - 360))).toBeLessThanOrEqual(1);
    expect(signedRight(last())).toBe(true);
    await slack.sendRaw('a=1', { skewSeconds: 360 });
    expect(Math.abs(Number(last().headers['x-slack-request-timestamp']) - (nowSeconds() + 360))).toBeLessThanOrEqual(1);
    expect(signedRight(last())).toBe(true);
    await slack.sendRaw('a=1', { timestampInMs: true });
    const ms = String(last().headers['x-slack-request-timestamp']);
    expect(ms).toMatch(/^\d{13}$/);
    expect(Math.abs(Number(ms) - Date.now())).toBeLessThan(5000);
    expect(signedRight(last())).toBe(true);
    await slack.sendRaw('a=1', { timestamp: '12abc' });
    expect(last().headers['x-slack-request-timestamp']).toBe('12abc');
    expect(signedRight(last())).toBe(true);
  });

  it('sends a chosen signature, or none at all', async () => {
    await slack.sendRaw('a=1', { signature: 'v0=deadbeef' });
    expect(last().headers['x-slack-signature']).toBe('v0=deadbeef');
    await slack.sendRaw('a=1', { unsigned: true });
    expect(last().headers['x-slack-signature']).toBeUndefined();
    expect(last().headers['x-slack-request-timestamp']).toBeUndefined();
  });

  it('sends X-Slack-Retry-Num and X-Slack-Retry-Reason as chosen', async () => {
    await slack.sendRaw({ json: { type: 'event_callback' } }, { retryNum: 2, retryReason: 'http_error' });
    expect(last().headers).toMatchObject({ 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_error' });
    await slack.sendRaw({ json: {} }, { retryNum: 1 });
    expect(last().headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await slack.sendRaw({ json: {} }, { retryNum: 'x', retryReason: 'made_up' });
    expect(last().headers).toMatchObject({ 'x-slack-retry-num': 'x', 'x-slack-retry-reason': 'made_up' });
    await slack.sendRaw({ json: {} });
    expect(last().headers['x-slack-retry-num']).toBeUndefined();
  });
});

describe('the answer', () => {
  it('comes back with status, parsed body, headers and the time taken', async () => {
    answer = { status: 418, body: '{"nope":true}', delayMs: 80 };
    const d = await slack.sendRaw({ payload: {} });
    expect(d).toMatchObject({ kind: 'raw', status: 418, error: 'http_error', body: { nope: true }, headers: { 'x-answered-by': 'capture' } });
    expect(d.ackMs).toBeGreaterThanOrEqual(75);
    expect(slack.deliveries.at(-1)).toBe(d);
  });

  it('times out after the ack budget, or a chosen one', async () => {
    answer = { status: 200, body: '', delayMs: 300 };
    const d = await slack.sendRaw('a=1', { timeoutMs: 100 });
    expect(d).toMatchObject({ status: null, error: 'operation_timeout' });
    expect(d.ackMs).toBeGreaterThanOrEqual(95);
  });
});

describe('against Bolt\'s own receiver', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.app.command('/k8s-infra', async ({ ack }) => {
      await ack();
    });
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers url_verification, and refuses a stale timestamp and a bad signature with 401', async () => {
    const challenge = await h.emulator.sendRaw({ json: { type: 'url_verification', token: 't', challenge: 'c-123' } });
    expect(challenge).toMatchObject({ status: 200, body: { challenge: 'c-123' } });
    const form = { form: { command: '/k8s-infra', text: 'help', user_id: ALICE, channel_id: 'C0INFRA', team_id: 'T0SANDBOX' } };
    expect((await h.emulator.sendRaw(form)).status).toBe(200);
    expect((await h.emulator.sendRaw(form, { skewSeconds: -301 })).status).toBe(401);
    expect((await h.emulator.sendRaw(form, { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await h.emulator.sendRaw(form, { unsigned: true })).status).toBe(401);
  });
});
