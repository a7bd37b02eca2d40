import type { Kysely } from 'kysely';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { Schedule } from '../config.ts';
import { latestSlotAtOrBefore, type CronSlots } from '../domain/cron-slots.ts';
import { decideMissed, type MissedDecision } from '../domain/missed-firing.ts';
import { ScheduleStateRepository } from '../store/schedule-state-repository.ts';
import type { ReportsDatabase } from '../store/tables.ts';
import { claimFiring, skipFiring } from './claim-firing.ts';

export interface CatchUpDeps {
  db: Kysely<ReportsDatabase>;
  commit: CommitTransition;
}

/**
 * When a replica starts (or its database comes back): for each schedule, the latest firing due
 * by `now` that the database has not recorded was missed while no replica ran; it is posted late
 * once or skipped, as the schedule says. A schedule never recorded starts from now.
 */
export async function catchUpSchedules(deps: CatchUpDeps, schedules: readonly { schedule: Schedule; slots: CronSlots }[], now: Date): Promise<MissedDecision[]> {
  const state = new ScheduleStateRepository(deps.db);
  const decisions: MissedDecision[] = [];
  for (const { schedule, slots } of schedules) {
    const latestDue = latestSlotAtOrBefore(slots, now);
    const decision = decideMissed({ lastSlot: await state.lastSlot(schedule.name), latestDue, missed: schedule.missed });
    if (decision.kind === 'baseline') await deps.commit(deps.db, async (trx, at) => ({ result: await new ScheduleStateRepository(trx).advance(schedule.name, latestDue ?? now, at), effects: [] }));
    if (decision.kind === 'post-late') await claimFiring(deps, schedule, decision.slot, true);
    if (decision.kind === 'skip') await skipFiring(deps, schedule, decision.slot);
    decisions.push(decision);
  }
  return decisions;
}
