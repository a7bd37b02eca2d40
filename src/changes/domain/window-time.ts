import { DateTime } from 'luxon';

export type WindowStart = { ok: true; at: Date } | { ok: false; reason: string };

/**
 * The instant a wall-clock date and time name in `zone` (the author's: the form shows it), stored
 * as UTC. A time that does not exist that day (clocks go forward) is refused; one that happens
 * twice (clocks go back) is the first of the two.
 */
export function windowStartIn(date: string | undefined, time: string | undefined, zone: string): WindowStart {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ok: false, reason: 'Pick the date the window starts.' };
  if (!time || !/^\d{2}:\d{2}$/.test(time)) return { ok: false, reason: 'Pick the time the window starts.' };
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) return { ok: false, reason: `${date} ${time} is not a valid time in ${zone}.` };
  const wall = `${date} ${time}`;
  if (dt.toFormat('yyyy-MM-dd HH:mm') !== wall) return { ok: false, reason: `${time} does not exist on ${date} in ${zone} (the clocks go forward that night): pick another time.` };
  // When the clocks go back the same wall time comes twice; take the first (shifts are 30 or 60 minutes).
  const earlier = [60, 30].map((m) => dt.minus({ minutes: m })).find((c) => c.toFormat('yyyy-MM-dd HH:mm') === wall);
  return { ok: true, at: (earlier ?? dt).toJSDate() };
}
