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

/** Job ids: the incident and the update sequence, so a newer update supersedes an older reminder. */
export function reminderJobId(incidentId: string, updateSeq: number, nudge = 0): string {
  return `incident-reminder:${incidentId}:${updateSeq}:${nudge}`;
}
