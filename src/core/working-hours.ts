import { DateTime } from 'luxon';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours in the person's own IANA zone. `end` may be before `start` for night shifts. */
export interface WorkingHours {
  days: readonly Weekday[];
  start: string; // HH:mm
  end: string; // HH:mm
}

export interface LocalTime {
  /** e.g. "03:12" */
  clock: string;
  weekday: Weekday;
  zone: string;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function localTimeOf(instant: Date, zone: string): LocalTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { clock: dt.toFormat('HH:mm'), weekday: WEEKDAYS[dt.weekday - 1]!, zone };
}

/**
 * Whether `instant` falls inside the person's working hours. A window that crosses midnight
 * belongs to the day it starts on, so "fri 22:00-06:00" covers Saturday 03:00.
 */
export function isWithinWorkingHours(hours: WorkingHours, zone: string, instant: Date): boolean {
  const dt = DateTime.fromJSDate(instant, { zone });
  const minute = dt.hour * 60 + dt.minute;
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const today = WEEKDAYS[dt.weekday - 1]!;
  const yesterday = WEEKDAYS[(dt.weekday + 5) % 7]!;
  if (start === end) return hours.days.includes(today);
  if (start < end) return hours.days.includes(today) && minute >= start && minute < end;
  return (hours.days.includes(today) && minute >= start) || (hours.days.includes(yesterday) && minute < end);
}
