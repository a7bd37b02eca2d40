import { schedule } from '../../platform/outbox/effects.ts';
import { nudgeJob } from '../jobs/nudge.ts';

/**
 * The nudge for a ticket whose last activity was at `since`, due `idleDays` later (or at `dueAt`,
 * for the next reminder). Any later activity makes it stale: it then does nothing.
 */
export function scheduleNudge(ticketId: string, since: number, idleDays: number, dueAt?: Date) {
  const due = dueAt ?? new Date(since + idleDays * 86_400_000);
  return schedule(nudgeJob.request({ id: `requests.nudge:${ticketId}:${since}:${due.getTime()}`, dueAt: due, payload: { ticketId, since } }));
}
