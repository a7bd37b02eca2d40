import type { Contact, EscalationDirectory } from '../../../src/escalation/domain/directory.ts';
import type { WorkingHours } from '../../../src/core/working-hours.ts';

const weekdays: WorkingHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };

/**
 * At the reference instant 2026-11-24T03:12Z (a Tuesday):
 * priya  Asia/Kolkata        Tue 08:42  inside (she starts at 08:00)
 * lucy   America/Los_Angeles Mon 19:12  outside
 * bernd  Europe/Berlin       Tue 04:12  outside
 * sam    Australia/Sydney    Tue 14:12  inside
 * nina   America/New_York    Mon 22:12  outside
 * thockin America/Los_Angeles Mon 19:12 outside
 */
export const REFERENCE = new Date('2026-11-24T03:12:00Z');

export const people: Contact[] = [
  { id: 'priya', slackId: 'U0PRIYA01', timezone: 'Asia/Kolkata', workingHours: { ...weekdays, start: '08:00', end: '16:00' } },
  { id: 'lucy', slackId: 'U0LUCY001', timezone: 'America/Los_Angeles', workingHours: weekdays },
  { id: 'bernd', slackId: 'U0BERND01', timezone: 'Europe/Berlin', workingHours: weekdays },
  { id: 'sam', slackId: 'U0SAM0001', timezone: 'Australia/Sydney', workingHours: weekdays },
  { id: 'nina', slackId: 'U0NINA001', timezone: 'America/New_York', workingHours: weekdays },
  { id: 'thockin', slackId: 'U0THOCKIN', timezone: 'America/Los_Angeles', workingHours: weekdays },
];

export interface DirectoryOverrides {
  primary?: string;
  secondary?: string;
  /** Shadowing the primary's rotation. */
  shadows?: string[];
  owners?: string[];
  leads?: string[];
}

/** An in-memory OnCallLookup + lists; `calls` records lookups so tests can see `now` was passed through. */
export function directory(o: DirectoryOverrides = {}): EscalationDirectory & { calls: { role: string; subprojectId: string; now: string }[] } {
  const calls: { role: string; subprojectId: string; now: string }[] = [];
  return {
    calls,
    onCall: {
      primary: (subprojectId, now) => {
        calls.push({ role: 'primary', subprojectId, now: now.toISOString() });
        return o.primary;
      },
      secondary: (subprojectId, now) => {
        calls.push({ role: 'secondary', subprojectId, now: now.toISOString() });
        return o.secondary;
      },
      shadows: () => o.shadows ?? [],
    },
    owners: o.owners ?? [],
    leads: o.leads ?? [],
    people,
  };
}

export function minutesAfter(d: Date, minutes: number): Date {
  return new Date(d.getTime() + minutes * 60_000);
}
