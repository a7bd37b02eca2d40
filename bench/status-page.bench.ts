import type { StatusTables } from '../src/status/store/tables.ts';
/**
 * GET /status and /status.json of the real bot (SQLite) holding 7 days of one-minute rounds for
 * every configured service, at concurrency 50: requests per second and p99, with the page's
 * 5-second cache (what visitors get) and with every request reading the store (clock moved past
 * the cache each time: the worst case). Load generator and bot share one process.
 */
import { Agent, request } from 'node:http';
import { loadConfigOrThrow } from '../src/platform/config/load-config.ts';
import { ManualClock } from '../src/core/clock.ts';
import { openDatabase } from '../src/platform/store/open-database.ts';
import { statusModule } from '../src/status/capability.ts';
import { startTestBot } from '../test/helpers/start-test-bot.ts';
import { fmt, runLoad } from './load.ts';

const NOW = Date.parse('2026-11-24T03:12:00Z');
const MINUTE = 60_000;
const DAYS = 7;
const CONCURRENCY = 50;

const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
const clock = new ManualClock(NOW);
// Only status, on a store it migrates itself.
const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
const bot = await startTestBot({ config, clock, store, env: { LOG_LEVEL: 'warn' }, capabilities: [statusModule({ settings: { scheduled: false } })] });
const db = store.db;

const seedStarted = performance.now();
const rows: { service_id: string; checked_at: number; state: string; detail: string; probes: string }[] = [];
for (let t = NOW - DAYS * 24 * 60 * MINUTE; t <= NOW; t += MINUTE) {
  for (const s of config.services) {
    const state = (t / MINUTE) % 997 < 3 ? 'down' : 'ok';
    rows.push({ service_id: s.id, checked_at: t, state, detail: state === 'ok' ? 'HTTP 200' : 'HTTP 503 (expected 200)', probes: '[]' });
  }
}
for (let i = 0; i < rows.length; i += 500) await db.withTables<StatusTables>().insertInto('status_checks').values(rows.slice(i, i + 500)).execute();
for (const s of config.services) {
  await db
    .withTables<StatusTables>()
    .insertInto('status_service_state')
    .values({ service_id: s.id, state: 'ok', since: NOW - 3 * 60 * MINUTE, pending: null, pending_count: 0, pending_since: null, last_state: 'ok', last_detail: 'HTTP 200', last_checked_at: NOW, page_open: 0, page_ref: null })
    .execute();
}
console.log(`seeded ${rows.length} checks (${config.services.length} services × ${DAYS} d of 1-min rounds) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const get = (path: string, moveClock: boolean) => () =>
  new Promise<boolean>((resolve) => {
    if (moveClock) clock.advance(6000);
    const req = request(`${bot.url}${path}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });

await runLoad(200, CONCURRENCY, get('/status', false)); // warm-up
console.log(`GET /status       cached, c=${CONCURRENCY}: ${fmt(await runLoad(Number(process.env.BENCH_REQUESTS ?? 5000), CONCURRENCY, get('/status', false)))}`);
console.log(`GET /status.json  cached, c=${CONCURRENCY}: ${fmt(await runLoad(Number(process.env.BENCH_REQUESTS ?? 5000), CONCURRENCY, get('/status.json', false)))}`);
console.log(`GET /status   uncached, c=${CONCURRENCY}: ${fmt(await runLoad(200, CONCURRENCY, get('/status', true)))}`);

agent.destroy();
await bot.stop();
