import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import type { Schedule } from '../../../src/reports/config.ts';
import { ScheduleStateRepository } from '../../../src/reports/store/schedule-state-repository.ts';
import type { ReportsTables } from '../../../src/reports/store/tables.ts';
import { claimFiring, skipFiring } from '../../../src/reports/use-cases/claim-firing.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const MON_1 = new Date('2026-11-30T08:00:00Z');
const MON_2 = new Date('2026-12-07T08:00:00Z');
const SCHEDULE: Schedule = { name: 'weekly-oncall-digest', cron: '0 9 * * 1', timezone: 'Europe/Berlin', report: 'oncall-digest', channel: 'wg-k8s-infra', missed: 'post-late' };

describe.each(testDatabases)('schedule state on $name', (database) => {
  let store: Store;
  let jobs: Jobs;
  let audit: AuditLog;
  let deps: Parameters<typeof claimFiring>[0];
  beforeEach(async () => {
    store = await database.open();
    jobs = new Jobs(store.db, store.dialect);
    audit = new AuditLog(store.db);
    deps = { db: store.db.withTables<ReportsTables>(), commit: createCommitTransition({ jobs, audit, clock: new ManualClock(MON_2), wake: () => undefined }) };
  });
  afterEach(() => store.close());

  it('advances only forward, and tells the one caller that moved it', async () => {
    const repo = new ScheduleStateRepository(deps.db);
    expect(await repo.lastSlot('weekly-oncall-digest')).toBeUndefined();
    expect(await repo.advance('weekly-oncall-digest', MON_1, MON_1)).toBe(true);
    expect(await repo.advance('weekly-oncall-digest', MON_1, MON_1)).toBe(false);
    expect(await repo.advance('weekly-oncall-digest', MON_2, MON_2)).toBe(true);
    expect(await repo.advance('weekly-oncall-digest', MON_1, MON_2)).toBe(false);
    expect(await repo.lastSlot('weekly-oncall-digest')).toEqual(MON_2);
    expect(await repo.lastSlot('monthly-staffing')).toBeUndefined();
  });

  it('concurrent claims of one slot leave one job row keyed by (schedule, slot)', async () => {
    await Promise.all(Array.from({ length: 6 }, () => claimFiring(deps, SCHEDULE, MON_2)));
    const rows = await store.db.selectFrom('jobs').select(['id', 'kind', 'due_at', 'payload']).execute();
    expect(rows.map((r) => [r.id, r.kind, Number(r.due_at), JSON.parse(r.payload)])).toEqual([
      ['report:weekly-oncall-digest:2026-12-07T08:00:00.000Z', 'reports.post', MON_2.getTime(), { schedule: 'weekly-oncall-digest', slot: '2026-12-07T08:00:00.000Z', late: false }],
    ]);
    expect(await new ScheduleStateRepository(deps.db).lastSlot('weekly-oncall-digest')).toEqual(MON_2);
  });

  it('a skipped slot is remembered and audited once, and queues nothing', async () => {
    await skipFiring(deps, SCHEDULE, MON_2);
    await skipFiring(deps, SCHEDULE, MON_2);
    expect(await store.db.selectFrom('jobs').select('id').execute()).toEqual([]);
    const entries = await audit.list({ action: 'reports.skipped' });
    expect(entries.map((e) => [e.subject, e.payload])).toEqual([['schedule:weekly-oncall-digest', { slot: '2026-12-07T08:00:00.000Z', reason: 'missed while no replica ran' }]]);
  });
});
