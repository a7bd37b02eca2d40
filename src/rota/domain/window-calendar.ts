import { WEEKDAYS } from '../../core/working-hours.ts';
import type { RotationWindow } from './types.ts';
import { DAY, MINUTE, minutesOfDay, zoneOffsets, type ZoneOffsets } from './zone-offsets.ts';

const CHUNK = 64;

/**
 * The instants a windowed rotation is active. A window opens at the first occurrence of its
 * start time (or the first valid instant after a skipped one) and closes at the LAST
 * occurrence of its end time, so a repeated hour stays inside. Windows are checked per local
 * day: instant t can only be in the window of its own local day or of the day before.
 */
export class WindowCalendar {
  private readonly zone: ZoneOffsets;
  private readonly dayMask: number;
  private readonly openMs: number;
  private readonly closeMs: number;
  /** Per chunk of local days: [open, close) per day, NaN when the day has no window. */
  private readonly chunks = new Map<number, Float64Array>();

  constructor(window: RotationWindow) {
    this.zone = zoneOffsets(window.timezone);
    let mask = 0;
    for (const day of window.days) {
      const i = WEEKDAYS.indexOf(day);
      if (i < 0) throw new RangeError(`unknown weekday ${day}`);
      mask |= 1 << i;
    }
    this.dayMask = mask;
    const open = minutesOfDay(window.start);
    const close = minutesOfDay(window.end);
    this.openMs = open * MINUTE;
    this.closeMs = (close > open ? close : close + 24 * 60) * MINUTE;
  }

  contains(t: number): boolean {
    const day = Math.floor(this.zone.wallOf(t) / DAY);
    return this.inDay(day, t) || this.inDay(day - 1, t);
  }

  /** Merged [open, close) intervals that intersect [from, to); exact inside [from, to). */
  intervals(from: number, to: number): Array<[number, number]> {
    const merged: Array<[number, number]> = [];
    const first = Math.floor(this.zone.wallOf(from) / DAY) - 2;
    const last = Math.floor(this.zone.wallOf(to) / DAY) + 2;
    for (let day = first; day <= last; day++) {
      const chunk = this.chunkOf(Math.floor(day / CHUNK));
      const i = day - Math.floor(day / CHUNK) * CHUNK;
      const open = chunk[2 * i]!;
      const close = chunk[2 * i + 1]!;
      if (Number.isNaN(open)) continue;
      const prev = merged[merged.length - 1];
      if (prev && open <= prev[1]) prev[1] = Math.max(prev[1], close);
      else merged.push([open, close]);
    }
    // Back-to-back 24-hour windows chain into one interval that may be cut two days outside
    // [from, to); callers only use the parts inside it.
    return merged.filter(([open, close]) => close > from && open < to);
  }

  private inDay(day: number, t: number): boolean {
    const chunk = this.chunkOf(Math.floor(day / CHUNK));
    const i = day - Math.floor(day / CHUNK) * CHUNK;
    return t >= chunk[2 * i]! && t < chunk[2 * i + 1]!;
  }

  private chunkOf(index: number): Float64Array {
    let chunk = this.chunks.get(index);
    if (chunk) return chunk;
    chunk = new Float64Array(2 * CHUNK).fill(Number.NaN);
    for (let i = 0; i < CHUNK; i++) {
      const day = index * CHUNK + i;
      // 1970-01-01 was a Thursday: weekday index 3 with Monday = 0.
      const weekday = (((day + 3) % 7) + 7) % 7;
      if (!(this.dayMask & (1 << weekday))) continue;
      const open = this.zone.resolve(day * DAY + this.openMs).first;
      const close = this.zone.resolve(day * DAY + this.closeMs).last;
      if (close <= open) continue;
      chunk[2 * i] = open;
      chunk[2 * i + 1] = close;
    }
    this.chunks.set(index, chunk);
    return chunk;
  }
}

const calendars = new Map<string, WindowCalendar>();

/** Shared calendar per window spec; bounded so random specs in tests cannot grow it forever. */
export function windowCalendar(window: RotationWindow): WindowCalendar {
  const key = `${window.timezone}|${window.days.join(',')}|${window.start}|${window.end}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size >= 1000) calendars.clear();
    calendar = new WindowCalendar(window);
    calendars.set(key, calendar);
  }
  return calendar;
}
