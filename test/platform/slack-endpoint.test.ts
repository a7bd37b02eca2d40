import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../src/sandbox/slack-signature.ts';
import { startTestBot, TEST_SIGNING_SECRET, type TestBot } from '../helpers/start-test-bot.ts';

function commandBody(text: string): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T09NY5SBT',
    channel_id: 'C1',
    channel_name: 'wg-k8s-infra',
    user_id: 'U0AMEUKAM',
    user_name: 'ameukam',
    command: '/k8s-infra',
    text,
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: '1.2.3',
    api_app_id: 'A1',
  }).toString();
}

async function post(bot: TestBot, body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${bot.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

function signed(body: string, at = Math.floor(Date.now() / 1000), secret = TEST_SIGNING_SECRET): Record<string, string> {
  return { 'x-slack-request-timestamp': String(at), 'x-slack-signature': signSlackRequest(secret, body, at) };
}

describe('POST /slack/events', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('answers a signed /k8s-infra help with every subcommand and an example of each', async () => {
    const body = commandBody('help');
    const res = await post(bot, body, signed(body));
    expect(res.status).toBe(200);
    const json = (await res.json()) as { response_type: string; text: string; blocks: { text?: { text: string } }[] };
    expect(json.response_type).toBe('ephemeral');
    const text = json.blocks.map((b) => b.text?.text ?? '').join('\n');
    for (const sub of ['status', 'oncall', 'schedule', 'override', 'swap', 'owners', 'page', 'incident', 'access', 'change']) {
      expect(text).toContain(`/k8s-infra ${sub}`);
    }
  });

  it('suggests the closest subcommand for a typo, ephemerally', async () => {
    const body = commandBody('stauts registry');
    const res = await post(bot, body, signed(body));
    const json = (await res.json()) as { response_type: string; text: string };
    expect(json.response_type).toBe('ephemeral');
    expect(json.text).toContain('Did you mean `/k8s-infra status`?');
  });

  it('treats an empty command as help', async () => {
    const body = commandBody('');
    const json = (await (await post(bot, body, signed(body))).json()) as { blocks: { text?: { text: string } }[] };
    expect(JSON.stringify(json.blocks)).toContain('/k8s-infra help');
  });

  it('rejects an unsigned request with 401 and does nothing', async () => {
    const before = await bot.metrics.commands.get();
    const res = await post(bot, commandBody('help'), {});
    expect(res.status).toBe(401);
    const after = await bot.metrics.commands.get();
    expect(after.values.reduce((n, v) => n + v.value, 0)).toBe(before.values.reduce((n, v) => n + v.value, 0));
  });

  it('rejects a bad signature with 401', async () => {
    const body = commandBody('help');
    const res = await post(bot, body, signed(body, Math.floor(Date.now() / 1000), 'wrong-secret-xxxxxxxx'));
    expect(res.status).toBe(401);
  });

  it('rejects a body that was changed after signing', async () => {
    const body = commandBody('help');
    const res = await post(bot, commandBody('page dns'), signed(body));
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed request replayed after 5 minutes', async () => {
    const body = commandBody('help');
    const res = await post(bot, body, signed(body, Math.floor(Date.now() / 1000) - 6 * 60));
    expect(res.status).toBe(401);
  });

  it('rejects malformed bodies without crashing', async () => {
    const body = '{"this is": not json or a form';
    const res = await fetch(`${bot.url}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signed(body) } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('serves /healthz, /readyz and /metrics with per-subcommand counts and latencies', async () => {
    expect(await (await fetch(`${bot.url}/healthz`)).text()).toBe('ok\n');
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toMatch(/k8s_infra_bot_commands_total\{subcommand="help",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/k8s_infra_bot_commands_total\{subcommand="unknown",outcome="unknown"\} [1-9]/);
    expect(metrics).toMatch(/k8s_infra_bot_command_ack_seconds_bucket\{le="0.05",subcommand="help"\} [1-9]/);
  });

  it('never writes the bot token or signing secret to the log', () => {
    const all = bot.logLines.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain('xoxb-test-token-0123456789');
    expect(all).not.toContain(TEST_SIGNING_SECRET);
  });
});
