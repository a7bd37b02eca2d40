import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobScheduler } from '../../../src/platform/jobs/define-job.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { slotStart } from '../../../src/status/domain/round-slots.ts';
import { roundJobId, scheduleCurrentRound, scheduleNextRound } from '../../../src/status/jobs/status-round-job.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

/** The platform's scheduler over the test's own store, enqueueing at `at()`. */
function schedulerOn(jobs: Jobs, at: () => Date): JobScheduler & { wakes: number } {
  const scheduler = {
    wakes: 0,
    enqueue: (job: Parameters<JobScheduler['enqueue']>[0]) => jobs.enqueue(job, at()),
    cancel: (id: string) => jobs.cancel(id, at()),
    wake: () => void scheduler.wakes++,
  };
  return scheduler;
}

describe.each(testDatabases)('status schedule on $name', (database) => {
  let store: Store;
  let jobs: Jobs;
  beforeEach(async () => {
    store = await database.open();
    jobs = new Jobs(store.db, store.dialect);
  });
  afterEach(async () => {
    await store.close();
  });

  it('two replicas scheduling the next round in the same slot create one job, due at the slot boundary', async () => {
    let now = new Date('2026-11-24T03:12:05Z');
    const schedule = { jobs: schedulerOn(jobs, () => now), intervalMs: 60_000 };
    await scheduleNextRound(schedule, now);
    now = new Date('2026-11-24T03:12:41Z');
    await scheduleNextRound(schedule, now);
    const rows = await store.db.selectFrom('jobs').select(['id', 'due_at']).execute();
    expect(rows).toEqual([{ id: 'status-check:2026-11-24T03:13:00.000Z', due_at: Date.parse('2026-11-24T03:13:00Z') }]);
    // A replica that was down for a while skips the missed slots instead of replaying them.
    now = new Date('2026-11-24T04:00:30Z');
    await scheduleNextRound(schedule, now);
    expect((await store.db.selectFrom('jobs').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([
      'status-check:2026-11-24T03:13:00.000Z',
      'status-check:2026-11-24T04:01:00.000Z',
    ]);
    expect(roundJobId(slotStart(new Date('2026-11-24T04:00:30Z'), 60_000))).toBe('status-check:2026-11-24T04:00:00.000Z');
  });

  it('each time the database becomes ready, the current slot’s round is on the schedule once, with the empty payload rounds always had', async () => {
    const now = new Date('2026-11-24T03:12:05Z');
    const schedule = { jobs: schedulerOn(jobs, () => now), intervalMs: 60_000 };
    await scheduleCurrentRound(schedule, now);
    await scheduleCurrentRound(schedule, now);
    expect(await store.db.selectFrom('jobs').select(['id', 'kind', 'due_at', 'payload']).execute()).toEqual([
      { id: 'status-check:2026-11-24T03:12:00.000Z', kind: 'status-check', due_at: Date.parse('2026-11-24T03:12:00Z'), payload: 'null' },
    ]);
    expect(schedule.jobs.wakes).toBe(2);
  });
});
