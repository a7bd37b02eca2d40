import { day, utc } from './format.ts';
import type { QuietPeriod } from '../../core/quiet-periods.ts';
import { workingDayDeadline, type OwnerCalendar } from '../../core/working-days-deadline.ts';

export interface Deadline {
  /** When the count started. */
  start: Date;
  at: Date;
  /** How it was counted, and which quiet periods moved it: said on the issue and in Slack. */
  notes: string[];
}

/**
 * The lazy-consensus deadline of a count starting at `start`: `n` working days for every
 * affected owner, in their own zones, quiet periods skipped. Owners' names and zones are not
 * given: the notes go to a public issue.
 */
export function lazyConsensusDeadline(start: Date, n: number, owners: readonly OwnerCalendar[], periods: readonly QuietPeriod[]): Deadline {
  const r = workingDayDeadline(start, n, owners, periods);
  const zones = new Set(owners.map((o) => o.zone)).size;
  const notes = [
    `${n} working days for each affected owner, counted in their own timezone${zones > 1 ? ` (${zones} timezones)` : ''} from the day after ${utc(start)}, weekends and quiet periods skipped; the deadline is the end of the last owner's ${ordinal(n)} working day.`,
  ];
  for (const s of r.skipped) notes.push(`${s.name} (${day(s.from)} to ${day(s.to)}) is a quiet period: its days do not count.`);
  if (r.withoutQuietDays.getTime() !== r.deadline.getTime()) {
    notes.push(`Without the quiet period${r.skipped.length > 1 ? 's' : ''} the deadline would have been ${utc(r.withoutQuietDays)}; it moved to ${utc(r.deadline)}, the count resuming on the first working day after.`);
  }
  return { start, at: r.deadline, notes };
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}
