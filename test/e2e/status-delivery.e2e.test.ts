import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { CAPABILITIES } from '../../src/platform/capabilities.ts';
import { loadConfigOrThrow } from '../../src/platform/config/load-config.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { probeSchema } from '../../src/platform/config/sections/probes.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import type { SlackEmulator } from '../../src/sandbox/emulator-interface.ts';
import type { SlackMessage } from '../../src/sandbox/slack-workspace.ts';
import { statusModule } from '../../src/status/capability.ts';
import type { StatusTables } from '../../src/status/store/tables.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { startTestBot, type TestBot } from '../helpers/start-test-bot.ts';
import { POSTGRES_URL, postgresAvailable } from '../helpers/test-databases.ts';
import { close, listen } from '../status/helpers/listen.ts';

const START = '2026-11-24T03:12:00Z';
const ROUND_MS = 20_000;

/** The bot's status alerts in #k8s-infra-alerts, oldest first, with the delivery key each carries. */
function statusAlerts(slack: SlackEmulator): { key: string; text: string }[] {
  return slack.messages('k8s-infra-alerts').flatMap((m: SlackMessage) => {
    const payload = m.metadata?.event_payload;
    const key = payload && typeof payload === 'object' && !Array.isArray(payload) && typeof payload.key === 'string' ? payload.key : undefined;
    return key?.startsWith('status-alert:') ? [{ key, text: m.text }] : [];
  });
}

/** Alerts Slack holds more than once (a person would see them twice). */
function doubled(slack: SlackEmulator): number {
  const keys = statusAlerts(slack).map((a) => a.key);
  return keys.length - new Set(keys).size;
}

/** What the channel said about the registry, in order (read from the text, keyed or not): down/ok alternating, the last one its state now. */
function registryWords(slack: SlackEmulator): string[] {
  return slack
    .messages('k8s-infra-alerts')
    .filter((m) => /^:[a-z_]+: (Problem|Recovered|Changed): registry\.k8s\.io is/.test(m.text))
    .map((m) => (m.text.includes('Recovered: registry.k8s.io is ok') ? 'ok' : m.text.includes('registry.k8s.io is down') ? 'down' : m.text));
}

/** Local stand-ins: registry.k8s.io's /v2/ (switchable), and a page every other service's probe reads. */
function startFakeWeb(state: { registryDown: boolean }): Server {
  return createServer((req, res) => {
    if (req.url === '/v2/' && state.registryDown) return void res.writeHead(503).end('unavailable');
    res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Kubernetes</title>');
  });
}

/** Every service probed on the local web server; nobody is paged (only status's own alerts are counted here). */
function configFor(web: string): InfraConfig {
  const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
  for (const s of config.services) {
    s.pageOnDown = false;
    s.probes = [probeSchema.parse({ type: 'http', url: s.id === 'registry' ? `${web}/v2/` : `${web}/`, timeoutMs: 800 })];
  }
  return config;
}

const statusFor = () => statusModule({ settings: { intervalMs: ROUND_MS, holdChecks: 1, probeTimeoutMs: 2000 } });
const others = CAPABILITIES.filter((c) => c.name === 'rota' || c.name === 'paging');

/**
 * Status alerts under Slack faults, through the emulator: each transition posted once and in
 * order, so the channel's last word about a service is its current state.
 */
describe('status alerts under faults (SQLite)', () => {
  const clock = new ManualClock(START);
  const web = { registryDown: false };
  let server: Server;
  let e2e: Harness;
  let store: Store;

  const checks = async () => Number((await store.db.withTables<StatusTables>().selectFrom('status_checks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  /** One round: the clock a slot on, the round and whatever it queued run. */
  async function round(): Promise<void> {
    clock.advance(ROUND_MS);
    for (let i = 0; i < 10 && (await e2e.bot.jobRunner.runDue()) > 0; i++);
  }

  beforeAll(async () => {
    server = startFakeWeb(web);
    const config = configFor(`http://127.0.0.1:${await listen(server)}`);
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    e2e = await startHarness({ clock, config, store, capabilities: [statusFor(), ...others], manualJobs: true });
    await e2e.bot.jobRunner.runDue(); // the start-up round: every service ok, which no alert tells
    expect(await checks()).toBe(config.services.length);
  }, 30_000);
  afterEach(() => e2e.slack.faults.clear());
  afterAll(async () => {
    await e2e?.stop();
    await close(server);
  });

  it('posts each alert once when every post’s connection drops after Slack accepted it', async () => {
    e2e.slack.faults.acceptThenDrop('chat.postMessage');
    web.registryDown = true;
    await round();
    web.registryDown = false;
    await round();
    await round();
    await round();
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok']);
    expect(doubled(e2e.slack)).toBe(0);
    // Each post was accepted and dropped, then found by its key.
    expect(e2e.slack.callCount('conversations.history')).toBeGreaterThanOrEqual(2);
  });

  it('waits out a 429 (Retry-After) and posts once', async () => {
    e2e.slack.faults.rateLimit('chat.postMessage', 30, { times: 1 });
    web.registryDown = true;
    await round();
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok']);
    clock.advance(15_000);
    await e2e.bot.jobRunner.runDue();
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok']);
    clock.advance(20_000);
    await e2e.bot.jobRunner.runDue();
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok', 'down']);
    web.registryDown = false;
    await round();
    await round();
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok', 'down', 'ok']);
    expect(doubled(e2e.slack)).toBe(0);
  });

  it('never posts "is down" after "recovered": a recovery waits while the outage’s alert is held in flight', async () => {
    web.registryDown = true;
    clock.advance(ROUND_MS);
    e2e.slack.faults.hold('chat.postMessage');
    // The round records the outage and starts posting its alert, which Slack holds.
    const first = e2e.bot.jobRunner.runDue();
    await e2e.slack.waitFor(() => e2e.slack.faults.heldCount('chat.postMessage') === 1, { timeoutMs: 8000 });
    e2e.slack.faults.clear();
    // The registry recovers and the next round records it, while the outage's alert is still in flight.
    web.registryDown = false;
    clock.advance(ROUND_MS);
    const second = e2e.bot.jobRunner.runDue();
    await new Promise((r) => setTimeout(r, 500));
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok', 'down', 'ok']);
    e2e.slack.faults.releaseHeld();
    await Promise.all([first, second]);
    await round();
    expect(registryWords(e2e.slack)).toEqual(['down', 'ok', 'down', 'ok', 'down', 'ok']);
    expect(doubled(e2e.slack)).toBe(0);
  });

  it('an alert delivered again after its job lost its lease (or a crash) finds its post, and a superseded one says nothing', async () => {
    // Two runs of the same round, one after the other (the first outlived its lease): one check, one alert.
    web.registryDown = true;
    clock.advance(ROUND_MS);
    const before = await checks();
    await e2e.bot.jobRunner.runDue();
    await e2e.bot.jobRunner.runDue();
    expect(await checks()).toBe(before + e2e.config.services.length);
    expect(registryWords(e2e.slack).at(-1)).toBe('down');
    web.registryDown = false;
    await round();
    expect(registryWords(e2e.slack).slice(-2)).toEqual(['down', 'ok']);
    expect(doubled(e2e.slack)).toBe(0);
  });
});

describe.runIf(postgresAvailable)('status alerts with two bots on one PostgreSQL, Slack dropping and rate-limiting posts', () => {
  it('posts every transition once and in order; the channel’s last word is the current state', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const open = () => openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
    const web = { registryDown: false };
    const server = startFakeWeb(web);
    const config = configFor(`http://127.0.0.1:${await listen(server)}`);
    const clock = new ManualClock(START);
    // Both replicas poll on their own; the emulator's Web API is shared.
    const a = await startHarness({ clock, config, store: await open(), capabilities: [statusFor(), ...others], replicaId: 'replica-a' });
    let b: TestBot | undefined;
    const stores: Store[] = [];
    try {
      b = await startTestBot({ clock, config, store: await open(), slackApiUrl: a.slack.apiUrl, capabilities: [statusFor(), ...others], replicaId: 'replica-b' });
      const watch = await open();
      stores.push(watch);
      const stateOf = async () => (await watch.db.withTables<StatusTables>().selectFrom('status_service_state').select(['state', 'last_checked_at']).where('service_id', '=', 'registry').executeTakeFirst()) ?? undefined;
      a.slack.faults.acceptThenDrop('chat.postMessage', { times: 3 });
      a.slack.faults.rateLimit('chat.postMessage', 1, { times: 2 });
      const flips = 6;
      for (let i = 0; i < flips; i++) {
        web.registryDown = i % 2 === 0;
        clock.advance(ROUND_MS);
        const want = web.registryDown ? 'down' : 'ok';
        for (let t = 0; t < 400 && (await stateOf())?.state !== want; t++) await new Promise((r) => setTimeout(r, 20));
        expect((await stateOf())?.state).toBe(want);
        // Let retries (15 s after a drop, 1 s after a 429) come due on either replica.
        for (let k = 0; k < 3; k++) {
          clock.advance(6_000);
          await new Promise((r) => setTimeout(r, 150));
        }
      }
      for (let t = 0; t < 400 && registryWords(a.slack).length < flips; t++) {
        clock.advance(2_000);
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(registryWords(a.slack)).toEqual(['down', 'ok', 'down', 'ok', 'down', 'ok']);
      expect(doubled(a.slack)).toBe(0);
    } finally {
      await b?.stop();
      await a.stop();
      for (const s of stores) await s.close();
      await close(server);
      await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
      await admin.end();
    }
  }, 60_000);
});
