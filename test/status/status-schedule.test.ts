import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LegacyDeps as AppDeps } from '../../src/platform/app-deps.ts';
import { roundJobId, scheduleNextRound, slotStart } from '../../src/status/jobs/status-jobs.ts';
import type { StatusRuntime } from '../../src/status/status-runtime.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import type { Store } from '../../src/platform/store/open-database.ts';
import { testDatabases } from '../helpers/test-databases.ts';

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
    const deps = { jobs } as unknown as AppDeps;
    const runtime = { settings: { intervalMs: 60_000 } } as unknown as StatusRuntime;
    await scheduleNextRound(deps, runtime, new Date('2026-11-24T03:12:05Z'));
    await scheduleNextRound(deps, runtime, new Date('2026-11-24T03:12:41Z'));
    const rows = await store.db.selectFrom('jobs').select(['id', 'due_at']).execute();
    expect(rows).toEqual([{ id: 'status-check:2026-11-24T03:13:00.000Z', due_at: Date.parse('2026-11-24T03:13:00Z') }]);
    // A replica that was down for a while skips the missed slots instead of replaying them.
    await scheduleNextRound(deps, runtime, new Date('2026-11-24T04:00:30Z'));
    expect((await store.db.selectFrom('jobs').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([
      'status-check:2026-11-24T03:13:00.000Z',
      'status-check:2026-11-24T04:01:00.000Z',
    ]);
    expect(roundJobId(slotStart(new Date('2026-11-24T04:00:30Z'), 60_000))).toBe('status-check:2026-11-24T04:00:00.000Z');
  });
});
