import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../../../src/core/clock.ts';
import { defineJob } from '../../../src/platform/jobs/define-job.ts';
import { JobRunner } from '../../../src/platform/jobs/job-runner.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { JobsDueListener } from '../../../src/platform/store/jobs-due-listener.ts';
import { openDatabase, type Store } from '../../../src/platform/store/open-database.ts';
import { migrateAll, POSTGRES_URL, postgresAvailable, testSchemaName } from '../../helpers/test-databases.ts';

const quiet = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two "replicas" on one PostgreSQL schema: `a` runs jobs, `b` only enqueues them (and cannot wake
 * `a` in-process). `a` polls once a minute, so a job of `b`'s that `a` runs within the test was
 * announced by NOTIFY. Then the server drops every connection of `a` (pg_terminate_backend).
 */
describe.runIf(postgresAvailable)('PostgreSQL: jobs due now and dropped connections', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  });

  async function setUp() {
    const schema = testSchemaName();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    cleanup.push(() => admin.end());
    await admin.query(`create schema ${schema}`);
    // Our own application_name, so only this test's connections are terminated.
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('application_name', schema);
    const errors: string[] = [];
    const a: Store = await openDatabase({ kind: 'postgres', url: url.toString(), schema }, { onConnectionError: (err, where) => errors.push(`${where}: ${err.message}`) });
    cleanup.push(() => a.close());
    await migrateAll(a);
    const b: Store = await openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
    cleanup.push(() => b.close());
    const ran: string[] = [];
    const job = defineJob('test.announced', z.object({}), async (_p, ctx) => {
      ran.push(ctx.job.id);
    });
    const runner = new JobRunner(new Jobs(a.db, a.dialect), systemClock, quiet, { worker: 'a', pollMs: 60_000 });
    runner.add(job.bind());
    runner.start();
    cleanup.push(async () => void (await runner.stop()));
    const listener: JobsDueListener = a.watchJobsDue!(() => runner.wake());
    cleanup.push(() => listener.close());
    const enqueueOnB = (id: string, dueAt = new Date()) => new Jobs(b.db, b.dialect).enqueue(job.request({ id, dueAt, payload: {} }), new Date());
    const terminateA = async () => {
      const r = await admin.query<{ n: string }>(`select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = $1`, [schema]);
      return Number(r.rows[0]!.n);
    };
    return { a, b, ran, errors, enqueueOnB, terminateA, admin, schema };
  }

  it("starts another replica's job due now without waiting for a poll, and not one due later", async () => {
    const t = await setUp();
    await sleep(300); // the listener has connected and the runner's first pass is over
    await t.enqueueOnB('later', new Date(Date.now() + 60_000));
    await t.enqueueOnB('now');
    await expect.poll(() => t.ran, { timeout: 2000, interval: 20 }).toEqual(['now']);
  });

  it('keeps working when the server terminates its connections: the listener reconnects, the pool replaces them', async () => {
    const t = await setUp();
    await t.a.ping();
    await sleep(300);
    // One query in flight when its backend is terminated: it fails, nothing is thrown elsewhere.
    const inFlight = t.a.ping().then(() => 'ok', () => 'failed');
    const sleeping = sql`select pg_sleep(5)`.execute(t.a.db).then(() => 'ok', (err: unknown) => `failed: ${(err as Error).message}`);
    await sleep(200);
    expect(await t.terminateA()).toBeGreaterThanOrEqual(2); // a pooled client and the listener at least
    expect(await sleeping).toMatch(/^failed: .*terminat/);
    await inFlight;

    // The pool hands out fresh connections.
    await expect.poll(async () => t.a.ping().then(() => true, () => false), { timeout: 5000, interval: 100 }).toBe(true);
    // The listener is back: a job queued by the other replica is announced again.
    await expect
      .poll(
        async () => {
          await t.enqueueOnB(`after-${t.ran.length}`);
          return t.ran.some((id) => id.startsWith('after-'));
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe(true);
    expect(t.errors.some((e) => e.startsWith('listener:') || e.startsWith('client:') || e.startsWith('pool:'))).toBe(true);
  });
});
