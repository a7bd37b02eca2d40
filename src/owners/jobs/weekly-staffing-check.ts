import { z } from 'zod';
import { defineJob, type JobScheduler } from '../../platform/jobs/define-job.ts';
import { utcWeekStart } from '../domain/staffing.ts';
import { checkStaffing, type CheckStaffingDeps } from '../use-cases/check-staffing.ts';

const WEEK = 7 * 86_400_000;
/** Monday 08:00 UTC: the start of the working week in Europe, the evening in APAC. */
const OFFSET = 8 * 3_600_000;

/** The slot of the weekly check at or after `now`. */
export function nextStaffingSlot(now: Date): Date {
  const thisWeek = utcWeekStart(now).getTime() + OFFSET;
  return new Date(thisWeek > now.getTime() ? thisWeek : thisWeek + WEEK);
}

export function staffingCheckRequest(slot: Date) {
  return weeklyStaffingCheckJob.request({ id: `owners.staffing-check:${slot.toISOString()}`, dueAt: slot, payload: { slot: slot.toISOString() } });
}

/** One row per weekly slot (its id), booking the next slot when it runs: a restart loses nothing, two replicas check once. */
export const weeklyStaffingCheckJob = defineJob('owners.weekly-staffing-check', z.object({ slot: z.string() }), async (p, ctx, deps: CheckStaffingDeps & { jobs: JobScheduler }) => {
  await checkStaffing(deps, p.slot, ctx.now, ctx.job.attempts > 1);
  await deps.jobs.enqueue(staffingCheckRequest(new Date(Date.parse(p.slot) + WEEK)));
});
