import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { Kysely } from 'kysely';
import { audit, deliverOnce, type Effect } from '../../platform/outbox/effects.ts';
import type { Schedule } from '../config.ts';
import { firingKey } from '../domain/missed-firing.ts';
import { postReportJob } from '../jobs/post-report-job.ts';
import { ScheduleStateRepository } from '../store/schedule-state-repository.ts';
import type { ReportsDatabase } from '../store/tables.ts';

export interface ClaimFiringDeps {
  db: Kysely<ReportsDatabase>;
  commit: CommitTransition;
}

/**
 * A firing of a schedule: its post is queued as a job whose id is (schedule, slot), in the
 * transaction that moves the schedule's last slot forward. Every replica's node-cron fires the
 * same slot; the job row exists once, so one replica posts. `late` marks a firing posted by a
 * replica that started after its time.
 */
export async function claimFiring(deps: ClaimFiringDeps, schedule: Schedule, slot: Date, late = false): Promise<void> {
  await deps.commit(deps.db, async (trx, now) => {
    const advanced = await new ScheduleStateRepository(trx).advance(schedule.name, slot, now);
    const key = firingKey(schedule.name, slot);
    const effects: Effect[] = [deliverOnce(key, postReportJob.request({ id: key, dueAt: slot, payload: { schedule: schedule.name, slot: slot.toISOString(), late } }))];
    if (advanced && late) effects.push(audit({ at: now, actor: 'reports', action: 'reports.posted-late', subject: `schedule:${schedule.name}`, payload: { slot: slot.toISOString() } }));
    return { result: undefined, effects };
  });
}

/** A missed firing the schedule says to skip: remembered (and audited once), never posted. */
export async function skipFiring(deps: ClaimFiringDeps, schedule: Schedule, slot: Date): Promise<void> {
  await deps.commit(deps.db, async (trx, now) => {
    const advanced = await new ScheduleStateRepository(trx).advance(schedule.name, slot, now);
    const effects = advanced ? [audit({ at: now, actor: 'reports', action: 'reports.skipped', subject: `schedule:${schedule.name}`, payload: { slot: slot.toISOString(), reason: 'missed while no replica ran' } })] : [];
    return { result: undefined, effects };
  });
}
