/**
 * Status alerts under Slack faults, through the Slack emulator and the real bot: the registry
 * flips down/up FLIPS times (one official transition, then three quiet rounds) while each alert's first post is
 * dropped after Slack accepted it, rate-limited (429, Retry-After 1 s), refused with a 503, held
 * 1.5 s, or let through, at random (seeded). On SQLite with one bot, then on PostgreSQL with two
 * bots polling on their own (skipped with a message when PostgreSQL is unreachable).
 * Reports transitions recorded, alerts posted, doubled posts (goal 0), alerts lost (goal 0),
 * alerts not posted because a newer state superseded them, alerts out of order (one about an older
 * transition after one about a newer, goal 0), the same word twice in a row (what a skipped,
 * superseded alert leaves) and whether the channel's last word is the current state.
 * Run: npx tsx bench/status-delivery.bench.ts   (FLIPS, SEED override the defaults)
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { ManualClock } from '../src/core/clock.ts';
import { CAPABILITIES } from '../src/platform/capabilities.ts';
import { loadConfigOrThrow } from '../src/platform/config/load-config.ts';
import { probeSchema } from '../src/platform/config/sections/probes.ts';
import { openDatabase, type Store } from '../src/platform/store/open-database.ts';
import type { SlackEmulator } from '../src/sandbox/emulator-interface.ts';
import { statusModule } from '../src/status/capability.ts';
import type { StatusTables } from '../src/status/store/tables.ts';
import { startHarness } from '../test/helpers/harness.ts';
import { startTestBot, type TestBot } from '../test/helpers/start-test-bot.ts';

const FLIPS = Number(process.env.FLIPS ?? 40);
const SEED = Number(process.env.SEED ?? 7);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROUND_MS = 20_000;

let seed = SEED;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const web = { registryDown: false };
const server = createServer((req, res) => {
  if (req.url === '/v2/' && web.registryDown) return void res.writeHead(503).end('unavailable');
  res.writeHead(200).end('ok');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
for (const s of config.services) {
  s.pageOnDown = false;
  s.probes = [probeSchema.parse({ type: 'http', url: s.id === 'registry' ? `${base}/v2/` : `${base}/`, timeoutMs: 800 })];
}
const modules = () => [statusModule({ settings: { intervalMs: ROUND_MS, holdChecks: 1, probeTimeoutMs: 2000 } }), ...CAPABILITIES.filter((c) => c.name === 'rota' || c.name === 'paging')];

const FAULTS = ['drop', 'drop', 'ratelimit', 'http503', 'hold', 'none', 'none'] as const;
function nextPostFault(slack: SlackEmulator): string {
  const fault = FAULTS[Math.floor(random() * FAULTS.length)]!;
  if (fault === 'drop') slack.faults.acceptThenDrop('chat.postMessage', { times: 1 });
  if (fault === 'ratelimit') slack.faults.rateLimit('chat.postMessage', 1, { times: 1 });
  if (fault === 'http503') slack.faults.httpError('chat.postMessage', 503, { times: 1 });
  if (fault === 'hold') slack.faults.hold('chat.postMessage', { times: 1, ms: 1500 });
  return fault;
}

function keyOf(m: { metadata?: { event_payload: unknown } }): string | undefined {
  const p = m.metadata?.event_payload;
  return p && typeof p === 'object' && !Array.isArray(p) && 'key' in p && typeof p.key === 'string' ? p.key : undefined;
}

async function report(name: string, slack: SlackEmulator, store: Store, logs: string[], started: number): Promise<void> {
  const jobs = await store.db.selectFrom('jobs').select(['id', 'status']).where('kind', '=', 'status-alert').execute();
  const alerts = slack.messages('k8s-infra-alerts').filter((m) => /registry\.k8s\.io is/.test(m.text));
  const keys = alerts.map(keyOf);
  const posted = new Set(keys);
  const superseded = new Set(logs.filter((l) => l.includes('status alert superseded')).map((l) => (JSON.parse(l) as { key: string }).key));
  const lost = jobs.filter((j) => !posted.has(j.id) && !superseded.has(j.id)).length;
  const words = alerts.map((m) => (m.text.includes('is ok') ? 'ok' : 'down'));
  const repeated = words.filter((w, i) => i > 0 && w === words[i - 1]).length;
  // Keys end with the moment the transition was confirmed: posts must come in that order.
  const moments = keys.map((k) => Date.parse(k?.split(':registry:')[1] ?? ''));
  const outOfOrder = moments.filter((t, i) => i > 0 && t < moments[i - 1]!).length;
  const state = await store.db.withTables<StatusTables>().selectFrom('status_service_state').select('state').where('service_id', '=', 'registry').executeTakeFirst();
  console.log(
    `status delivery (${name}, ${FLIPS} flips, seed ${SEED}): transitions ${jobs.length}, alerts posted ${posted.size}, doubled ${keys.length - posted.size}, lost ${lost}, ` +
      `superseded (not posted by design) ${superseded.size}, out of order ${outOfOrder}, same word twice ${repeated}, last word ${words.at(-1)} / state ${state?.state} (${words.at(-1) === state?.state ? 'right' : 'WRONG'}), ` +
      `pending ${jobs.filter((j) => j.status === 'pending').length}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// ── SQLite, one bot, the test drives the job runner ──
{
  const clock = new ManualClock('2026-11-24T03:12:00Z');
  const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
  const h = await startHarness({ clock, config, store, capabilities: modules(), manualJobs: true });
  const started = performance.now();
  const drain = async () => {
    for (let i = 0; i < 20 && (await h.bot.jobRunner.runDue()) > 0; i++);
  };
  await drain();
  for (let i = 0; i < FLIPS; i++) {
    web.registryDown = !web.registryDown;
    nextPostFault(h.slack);
    // The round that confirms the flip, then quiet rounds in which retries come due.
    for (let r = 0; r < 4; r++) {
      clock.advance(ROUND_MS);
      await drain();
    }
  }
  for (let i = 0; i < 6; i++) {
    clock.advance(ROUND_MS);
    await drain();
  }
  h.slack.faults.clear();
  await report('SQLite, one bot', h.slack, store, h.bot.logLines, started);
  await h.stop();
}

// ── PostgreSQL, two bots polling on their own ──
const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
const reachable = await admin.connect().then(
  () => true,
  () => false,
);
if (!reachable) console.log(`status delivery (PostgreSQL, two bots): skipped, ${PG_URL} not reachable`);
else {
  const schema = `b_${randomBytes(6).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  const open = () => openDatabase({ kind: 'postgres', url: PG_URL, schema });
  const clock = new ManualClock('2026-11-24T03:12:00Z');
  web.registryDown = false;
  const a = await startHarness({ clock, config, store: await open(), capabilities: modules(), replicaId: 'replica-a' });
  let b: TestBot | undefined;
  const watch = await open();
  try {
    b = await startTestBot({ clock, config, store: await open(), slackApiUrl: a.slack.apiUrl, capabilities: modules(), replicaId: 'replica-b' });
    const started = performance.now();
    const registry = async () => (await watch.db.withTables<StatusTables>().selectFrom('status_service_state').select('state').where('service_id', '=', 'registry').executeTakeFirst())?.state;
    for (let i = 0; i < FLIPS; i++) {
      web.registryDown = !web.registryDown;
      nextPostFault(a.slack);
      clock.advance(ROUND_MS);
      const want = web.registryDown ? 'down' : 'ok';
      for (let t = 0; t < 500 && (await registry()) !== want; t++) await new Promise((r) => setTimeout(r, 10));
      for (let r = 0; r < 6; r++) {
        // The clock runs ahead of real time here, but never while Slack holds a post: a post in
        // flight takes real time (at most the 10 s call timeout), which the locks and leases cover.
        while (a.slack.faults.heldCount() > 0) await new Promise((res) => setTimeout(res, 10));
        clock.advance(10_000);
        await new Promise((res) => setTimeout(res, 120));
      }
    }
    for (let i = 0; i < 40; i++) {
      while (a.slack.faults.heldCount() > 0) await new Promise((res) => setTimeout(res, 10));
      clock.advance(5_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    a.slack.faults.clear();
    await report('PostgreSQL, two bots', a.slack, watch, [...a.bot.logLines, ...b.logLines], started);
  } finally {
    await b?.stop();
    await a.stop();
    await watch.close();
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await admin.end();
  }
}
server.closeAllConnections();
server.close();
