import { DateTime } from 'luxon';

/**
 * A cron schedule as the slot search needs it: the minutes and hours its expression allows, and
 * whether an instant is one of its firings (node-cron's own matcher, in the schedule's timezone).
 */
export interface CronSlots {
  timezone: string;
  minutes: readonly number[];
  hours: readonly number[];
  matches(instant: Date): boolean;
}

/** A yearly expression (`0 9 1 1 *`) still fires within this many days of any instant. */
const SEARCH_DAYS = 400;

/** The wall-clock instants of a local day at which the schedule may fire, latest first; both of an hour that repeats. */
function candidates(slots: CronSlots, day: DateTime): Date[] {
  const out: Date[] = [];
  for (const hour of [...slots.hours].sort((a, b) => b - a)) {
    for (const minute of [...slots.minutes].sort((a, b) => b - a)) {
      const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: slots.timezone });
      // A wall time skipped by a spring change does not exist that day.
      if (at.hour !== hour || at.minute !== minute) continue;
      // A wall time repeated by an autumn change exists at two instants; luxon picks one of them.
      const same = [at.plus({ hours: 1 }), at, at.minus({ hours: 1 })].filter((d) => d.hour === hour && d.minute === minute);
      out.push(...same.map((d) => d.toJSDate()));
    }
  }
  return out;
}

/** The latest firing at or before `t`, if any within a year or so. */
export function latestSlotAtOrBefore(slots: CronSlots, t: Date): Date | undefined {
  let day = DateTime.fromJSDate(t, { zone: slots.timezone }).startOf('day');
  for (let i = 0; i < SEARCH_DAYS; i++, day = day.minus({ days: 1 })) {
    const found = candidates(slots, day).find((c) => c.getTime() <= t.getTime() && slots.matches(c));
    if (found) return found;
  }
  return undefined;
}

/** The first firing strictly after `t`, if any within a year or so. */
export function nextSlotAfter(slots: CronSlots, t: Date): Date | undefined {
  let day = DateTime.fromJSDate(t, { zone: slots.timezone }).startOf('day');
  for (let i = 0; i < SEARCH_DAYS; i++, day = day.plus({ days: 1 })) {
    const found = candidates(slots, day)
      .reverse()
      .find((c) => c.getTime() > t.getTime() && slots.matches(c));
    if (found) return found;
  }
  return undefined;
}
