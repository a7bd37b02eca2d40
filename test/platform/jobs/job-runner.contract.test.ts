import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../../../src/core/clock.ts';
import { defineJob } from '../../../src/platform/jobs/define-job.ts';
import { JOB_PRIORITY } from '../../../src/platform/jobs/job-priority.ts';
import { JobRunner } from '../../../src/platform/jobs/job-runner.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const quiet = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDatabases)('job runner on $name', (database) => {
  let store: Store;
  let jobs: Jobs;
  const runners: JobRunner[] = [];
  beforeEach(async () => {
    store = await database.open();
    jobs = new Jobs(store.db, store.dialect);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
  });

  function runner(worker: string, leaseMs: number): JobRunner {
    const r = new JobRunner(jobs, systemClock, quiet, { worker, pollMs: 20, leaseMs });
    runners.push(r);
    return r;
  }

  it('renews the lease of a job that runs longer than it, so no other worker runs it a second time', async () => {
    const runs: string[] = [];
    const slow = defineJob('test.slow', z.object({ n: z.number() }), async (_p, ctx) => {
      runs.push(ctx.worker);
      await sleep(1200);
    });
    const a = runner('a', 300);
    const b = runner('b', 300);
    a.add(slow.bind());
    b.add(slow.bind());
    await jobs.enqueue(slow.request({ id: 'slow-1', dueAt: new Date(), payload: { n: 1 } }), new Date());
    a.start();
    await sleep(100);
    b.start();
    await sleep(1600);
    expect(runs).toEqual(['a']);
    expect((await jobs.get('slow-1'))?.status).toBe('done');
  });

  it('tells a job whose lease was taken over to stop (its signal aborts)', async () => {
    let aborted = false;
    let started = false;
    const job = defineJob('test.interrupted', z.object({}), async (_p, ctx) => {
      started = true;
      for (let i = 0; i < 30 && !ctx.signal.aborted; i++) await sleep(50);
      aborted = ctx.signal.aborted;
    });
    const a = runner('a', 300);
    a.add(job.bind());
    await jobs.enqueue(job.request({ id: 'int-1', dueAt: new Date(), payload: {} }), new Date());
    a.start();
    await expect.poll(() => started, { timeout: 2000, interval: 10 }).toBe(true);
    // Another worker takes the row over (as after a long database stall): the lease is no longer a's.
    await store.db.updateTable('jobs').set({ locked_by: 'b' }).where('id', '=', 'int-1').execute();
    await sleep(700);
    expect(aborted).toBe(true);
  });

  it('fails a job for good when its stored payload does not match its schema, without running it', async () => {
    let ran = false;
    const typed = defineJob('test.typed', z.object({ pageId: z.string() }), async () => {
      ran = true;
    });
    const a = runner('a', 60_000);
    a.add(typed.bind());
    await jobs.enqueue({ id: 'bad-1', kind: 'test.typed', dueAt: new Date(), payload: { pageId: 42 } }, new Date());
    await a.runDue();
    expect(ran).toBe(false);
    const row = await jobs.get('bad-1');
    expect(row?.status).toBe('failed');
    expect(row?.lastError).toContain('pageId');
  });

  it('waits at least the Retry-After an error carries before retrying', async () => {
    const limited = defineJob('test.limited', z.object({}), async () => {
      throw Object.assign(new Error('ratelimited'), { retryAfter: 120 });
    });
    const a = runner('a', 60_000);
    a.add(limited.bind());
    const before = Date.now();
    await jobs.enqueue(limited.request({ id: 'rl-1', dueAt: new Date(), payload: {} }), new Date());
    await a.runDue();
    const row = await jobs.get('rl-1');
    expect(row?.status).toBe('pending');
    expect(row!.dueAt.getTime() - before).toBeGreaterThanOrEqual(119_000);
  });

  it('starts a job queued while a slow one runs at once, not when the slow one is done', async () => {
    const ran: { id: string; at: number }[] = [];
    const job = defineJob('test.mixed', z.object({ ms: z.number() }), async ({ ms }, ctx) => {
      await sleep(ms);
      ran.push({ id: ctx.job.id, at: Date.now() });
    });
    // A poll far longer than the test: only the wake can start the second job in time.
    const a = new JobRunner(jobs, systemClock, quiet, { worker: 'a', pollMs: 60_000 });
    runners.push(a);
    a.add(job.bind());
    await jobs.enqueue(job.request({ id: 'slow', dueAt: new Date(), payload: { ms: 4000 } }), new Date());
    a.start();
    await sleep(150);
    await jobs.enqueue(job.request({ id: 'fast', dueAt: new Date(), payload: { ms: 0 } }), new Date());
    a.wake();
    // Long before the slow one is done (and the poll is a minute away).
    await expect.poll(() => ran.map((r) => r.id), { timeout: 3000, interval: 20 }).toEqual(['fast']);
  });

  it('claims a job that comes due by the clock while a slow one runs after one poll', async () => {
    const ran: string[] = [];
    const job = defineJob('test.timed', z.object({ ms: z.number() }), async ({ ms }, ctx) => {
      await sleep(ms);
      ran.push(ctx.job.id);
    });
    const a = new JobRunner(jobs, systemClock, quiet, { worker: 'a', pollMs: 100 });
    runners.push(a);
    a.add(job.bind());
    await jobs.enqueue(job.request({ id: 'slow', dueAt: new Date(), payload: { ms: 4000 } }), new Date());
    await jobs.enqueue(job.request({ id: 'later', dueAt: new Date(Date.now() + 300), payload: { ms: 0 } }), new Date());
    a.start();
    await expect.poll(() => ran, { timeout: 3000, interval: 20 }).toEqual(['later']);
  });

  it('claims a deadline job ahead of deliveries due a little before it, and those ahead of other work, but none for ever', async () => {
    const order: string[] = [];
    const note = async (_p: unknown, ctx: { job: { id: string } }) => {
      order.push(ctx.job.id);
    };
    const delivery = defineJob('test.delivery', z.object({}), note, { priority: JOB_PRIORITY.delivery });
    const deadline = defineJob('test.deadline', z.object({}), note, { priority: JOB_PRIORITY.deadline });
    const normal = defineJob('test.normal', z.object({}), note);
    const a = new JobRunner(jobs, systemClock, quiet, { worker: 'a', batch: 1 });
    runners.push(a);
    for (const j of [delivery, deadline, normal]) a.add(j.bind());
    const t = Date.now();
    await jobs.enqueue(normal.request({ id: 'normal-1', dueAt: new Date(t - 3000), payload: {} }), new Date());
    await jobs.enqueue(delivery.request({ id: 'delivery-1', dueAt: new Date(t - 900), payload: {} }), new Date());
    await jobs.enqueue(delivery.request({ id: 'delivery-2', dueAt: new Date(t - 600), payload: {} }), new Date());
    await jobs.enqueue(deadline.request({ id: 'deadline-1', dueAt: new Date(t - 500), payload: {} }), new Date());
    // Not due yet: priority never pulls a job ahead of its time.
    await jobs.enqueue(deadline.request({ id: 'deadline-future', dueAt: new Date(t + 60_000), payload: {} }), new Date());
    expect(await a.runDue()).toBe(4);
    expect(order).toEqual(['deadline-1', 'delivery-1', 'delivery-2', 'normal-1']);
    // A delivery that has waited longer than its yield goes first.
    order.length = 0;
    const u = Date.now();
    await jobs.enqueue(delivery.request({ id: 'delivery-old', dueAt: new Date(u - 5000), payload: {} }), new Date());
    await jobs.enqueue(deadline.request({ id: 'deadline-2', dueAt: new Date(u - 100), payload: {} }), new Date());
    await a.runDue();
    expect(order).toEqual(['delivery-old', 'deadline-2']);
  });
});
