/**
 * JobRunner.stop(graceMs): the drain a SIGTERM runs. Jobs that finish inside the grace complete;
 * one that does not is aborted and its claim released, so another worker takes it at once (not
 * after its lease), and nothing new is claimed once the stop began.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '../../../src/core/clock.ts';
import { defineJob } from '../../../src/platform/jobs/define-job.ts';
import { JobRunner } from '../../../src/platform/jobs/job-runner.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const quiet = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDatabases)('job runner stop on $name', (database) => {
  let store: Store;
  let jobs: Jobs;
  beforeEach(async () => {
    store = await database.open();
    jobs = new Jobs(store.db, store.dialect);
  });
  afterEach(async () => {
    await store.close();
  });

  it('lets a job finish inside the grace, then returns without releasing anything', async () => {
    const job = defineJob('test.quick', z.object({}), async () => {
      await sleep(150);
    });
    const r = new JobRunner(jobs, systemClock, quiet, { worker: 'a', pollMs: 20, leaseMs: 60_000 });
    r.add(job.bind());
    await jobs.enqueue(job.request({ id: 'quick-1', dueAt: new Date(), payload: {} }), new Date());
    r.start();
    await sleep(60);
    expect(await r.stop(5000)).toBe(0);
    expect((await jobs.get('quick-1'))?.status).toBe('done');
  });

  it('aborts a job still running at the grace and releases its claim: another worker runs it at once', async () => {
    let aborted = false;
    const runs: string[] = [];
    const hung = defineJob('test.hung', z.object({}), async (_p, ctx) => {
      runs.push(ctx.worker);
      if (ctx.worker === 'a') {
        // A call that ignores the signal (as a Slack post stuck in a socket does): the stop must not wait for it.
        ctx.signal.addEventListener('abort', () => (aborted = true));
        await new Promise(() => undefined);
      }
    });
    const a = new JobRunner(jobs, systemClock, quiet, { worker: 'a', pollMs: 20, leaseMs: 60_000 });
    a.add(hung.bind());
    await jobs.enqueue(hung.request({ id: 'hung-1', dueAt: new Date(), payload: {} }), new Date());
    a.start();
    await sleep(100);
    expect(runs).toEqual(['a']);
    const started = performance.now();
    expect(await a.stop(300)).toBe(1);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(aborted).toBe(true);
    const row = await jobs.get('hung-1');
    expect(row?.status).toBe('pending');
    // The lease was 60 s; released, the job is claimable now.
    const b = new JobRunner(jobs, systemClock, quiet, { worker: 'b', pollMs: 20, leaseMs: 60_000 });
    b.add(hung.bind());
    expect(await b.runDue()).toBe(1);
    expect(runs).toEqual(['a', 'b']);
    expect((await jobs.get('hung-1'))?.status).toBe('done');
  });

  it('claims nothing new once stopping, even with due jobs waiting', async () => {
    const runs: string[] = [];
    const slow = defineJob('test.slow-stop', z.object({ n: z.number() }), async (p) => {
      runs.push(String(p.n));
      await sleep(200);
    });
    // One slot: the second job waits for the first, and the stop comes in between.
    const r = new JobRunner(jobs, systemClock, quiet, { worker: 'a', pollMs: 20, leaseMs: 60_000, batch: 1 });
    r.add(slow.bind());
    await jobs.enqueue(slow.request({ id: 'slow-stop-1', dueAt: new Date(Date.now() - 1000), payload: { n: 1 } }), new Date());
    await jobs.enqueue(slow.request({ id: 'slow-stop-2', dueAt: new Date(), payload: { n: 2 } }), new Date());
    r.start();
    await sleep(80);
    await r.stop(5000);
    expect(runs).toEqual(['1']);
    expect((await jobs.get('slow-stop-2'))?.status).toBe('pending');
  });
});
