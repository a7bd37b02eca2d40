import type { Incident, Severity } from './incident.ts';

export type ReminderMinutes = Record<Severity, number>;

/** When the commander is nudged if no update is posted: the last update plus the severity's interval. */
export function reminderDueAt(incident: Pick<Incident, 'severity' | 'lastUpdateAt'>, minutes: ReminderMinutes, after?: Date): Date {
  const interval = minutes[incident.severity] * 60_000;
  let due = incident.lastUpdateAt.getTime() + interval;
  // A nudge already sent: the next one is one interval after it, not in the past.
  if (after) while (due <= after.getTime()) due += interval;
  return new Date(due);
}

/**
 * Job ids: the incident, the update sequence and the severity, so a newer update or a severity
 * change schedules a new reminder (the old one finds itself superseded), and the nudge count, so
 * each nudge is its own job.
 */
export function reminderJobId(incident: Pick<Incident, 'id' | 'updateSeq' | 'severity'>, nudge: number): string {
  return `incident-reminder:${incident.id}:${incident.updateSeq}:${incident.severity}:${nudge}`;
}
