import { schedule } from '../../platform/outbox/effects.ts';
import { nudgeJob } from '../jobs/nudge.ts';

/** The nudge due `idleDays` after the last activity (one per activity time: a later one supersedes it by itself). */
export function scheduleNudge(ticketId: string, lastActivity: Date, idleDays: number) {
  return schedule(nudgeJob.request({ id: `requests.nudge:${ticketId}:${lastActivity.getTime()}`, dueAt: new Date(lastActivity.getTime() + idleDays * 86_400_000), payload: { ticketId } }));
}
