import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from './working-hours.ts';
import { quietSpanOn, type QuietPeriod, type QuietSpan } from './quiet-periods.ts';

/** An affected owner's calendar: their IANA zone and the weekdays they work. */
export interface OwnerCalendar {
  zone: string;
  days: readonly Weekday[];
}

export interface WorkingDayDeadline {
  /** The latest of the owners' deadlines: every affected owner had the full number of working days. */
  deadline: Date;
  /** Each owner's own deadline (the end of their Nth working day), in the order given. */
  perOwner: Date[];
  /** The deadline the count would give if no day were quiet. */
  withoutQuietDays: Date;
  /** Quiet periods whose working days were skipped while counting, once each. */
  skipped: QuietSpan[];
}

/** A year of days with no working day is a config mistake; stop rather than loop forever. */
const MAX_DAYS = 800;

/**
 * The end (local midnight) of the `n`th working day after `start`, in one owner's zone. Day 1 is
 * the first full day after the day `start` falls on: the notice's own day never counts, however
 * early it went out. A day counts when it is one of the owner's working weekdays and is in no
 * quiet period; the count resumes on the first working day after a quiet period.
 */
function ownerDeadline(start: Date, n: number, owner: OwnerCalendar, periods: readonly QuietPeriod[], skipped: Map<string, QuietSpan>): Date {
  const local = DateTime.fromJSDate(start, { zone: owner.zone });
  // Days are walked on a zone-less calendar (only the zone's dates matter until the end).
  const day = new Date(Date.UTC(local.year, local.month - 1, local.day));
  let counted = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday: Weekday = WEEKDAYS[(day.getUTCDay() + 6) % 7]!;
    if (!owner.days.includes(weekday)) continue;
    const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const quiet = quietSpanOn(date, periods);
    if (quiet) {
      skipped.set(`${quiet.name}:${quiet.from.year}-${quiet.from.month}-${quiet.from.day}`, quiet);
      continue;
    }
    counted++;
    if (counted === n) {
      // The end of that local day: the next day's local midnight (23 or 25 hours later across DST).
      const next = new Date(day.getTime() + 86_400_000);
      return DateTime.fromObject({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, { zone: owner.zone }).startOf('day').toJSDate();
    }
  }
  throw new Error(`no ${n} working days within ${MAX_DAYS} days in ${owner.zone}: check the owner's working days and the quiet periods`);
}

/**
 * The lazy-consensus deadline: the end of the `n`th working day for every affected owner, each
 * counted in their own timezone, skipping their non-working weekdays and the quiet periods.
 * It is the latest of the per-owner deadlines, so nobody affected gets fewer than `n` days.
 */
export function workingDayDeadline(start: Date, n: number, owners: readonly OwnerCalendar[], periods: readonly QuietPeriod[]): WorkingDayDeadline {
  if (owners.length === 0) throw new Error('a deadline needs at least one owner calendar');
  const skipped = new Map<string, QuietSpan>();
  const perOwner = owners.map((o) => ownerDeadline(start, n, o, periods, skipped));
  const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
  const without = latest(owners.map((o) => ownerDeadline(start, n, o, [], new Map())));
  return { deadline: latest(perOwner), perOwner, withoutQuietDays: without, skipped: [...skipped.values()] };
}
