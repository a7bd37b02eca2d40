import type { Rotation, ShiftUnit } from './types.ts';
import { DAY, HOUR, MINUTE, minutesOfDay, zoneOffsets, type ZoneOffsets } from './zone-offsets.ts';

const UNIT_MS: Record<ShiftUnit, number> = { hours: HOUR, days: DAY, weeks: 7 * DAY };
const CHUNK = 64;

/*
 * DST rule. Handoff k happens when the rotation's wall clock reads
 *   (local date of `start`) + `handoff.time` + k × shift length
 * (wall-clock arithmetic, so a weekly 09:00 handoff stays at 09:00 across DST changes).
 *
 * - A reading that does not exist (spring forward) happens at the first valid instant after it,
 *   which is the transition itself: LA 2026-03-08 02:30 -> 03:00 PDT (10:00Z).
 * - A reading that occurs twice (fall back): shift k+1 starts at the FIRST occurrence and
 *   shift k nominally ends at the LAST one (`Shift.end`), so no instant is left uncovered.
 *   During that overlap the INCOMING person is primary: whoIsOnCall reports the shift that
 *   started most recently, i.e. the handover to the incoming happens at the first occurrence
 *   (`Shift.primaryEnd` of the outgoing shift). Berlin 2026-10-25 02:30 handoff: the incoming
 *   is primary from 00:30Z; the outgoing shift's `end` is 01:30Z, its `primaryEnd` 00:30Z.
 *   The rule "among covering shifts, the latest start wins" is what makes shifts() and
 *   whoIsOnCall agree, and it also holds with overrides and layers on top.
 */
export class HandoffSchedule {
  readonly zone: ZoneOffsets;
  /** Wall-clock reading of handoff 0 and the wall-clock step between handoffs. */
  readonly wall0: number;
  readonly step: number;
  /** Instant of handoff 0: the rotation has nobody on call before it. */
  readonly start0: number;
  private readonly chunks: Float64Array[] = [];

  constructor(rotation: Pick<Rotation, 'start' | 'handoff' | 'shift'>) {
    const { length, unit } = rotation.shift;
    if (!Number.isInteger(length) || length < 1) throw new RangeError(`shift length must be an integer >= 1, got ${length}`);
    const unitMs = UNIT_MS[unit];
    if (unitMs === undefined) throw new RangeError(`unknown shift unit ${String(unit)}`);
    const startMs = rotation.start.getTime();
    if (Number.isNaN(startMs)) throw new RangeError('rotation start is not a valid date');
    this.zone = zoneOffsets(rotation.handoff.timezone);
    this.step = length * unitMs;
    const localDay = Math.floor(this.zone.wallOf(startMs) / DAY) * DAY;
    this.wall0 = localDay + minutesOfDay(rotation.handoff.time) * MINUTE;
    this.start0 = this.zone.resolve(this.wall0).first;
  }

  /** Instant shift k starts (first occurrence of its wall time). */
  startOf(k: number): number {
    const chunk = this.chunks[Math.floor(k / CHUNK)] ?? this.fill(Math.floor(k / CHUNK));
    return chunk[k % CHUNK]!;
  }

  /** Last instant showing handoff k's wall time: where shift k-1 nominally ends. */
  lastOccurrenceOf(k: number): number {
    const chunk = this.chunks[Math.floor(k / CHUNK)] ?? this.fill(Math.floor(k / CHUNK));
    return chunk[CHUNK + (k % CHUNK)]!;
  }

  /** Index of the shift containing instant t (primary sense), or -1 before the first handoff. */
  indexAt(t: number): number {
    if (t < this.start0) return -1;
    let k = Math.floor((t - this.start0) / this.step);
    while (k > 0 && this.startOf(k) > t) k--;
    while (this.startOf(k + 1) <= t) k++;
    return k;
  }

  private fill(index: number): Float64Array {
    const chunk = new Float64Array(2 * CHUNK);
    const base = index * CHUNK;
    for (let i = 0; i < CHUNK; i++) {
      const resolved = this.zone.resolve(this.wall0 + (base + i) * this.step);
      chunk[i] = resolved.first;
      chunk[CHUNK + i] = resolved.last;
    }
    this.chunks[index] = chunk;
    return chunk;
  }
}

/** Where `start` should be for its rotation: handoff 0. The config schema reports a mismatch. */
export function firstHandoff(rotation: Pick<Rotation, 'start' | 'handoff' | 'shift'>): Date {
  return new Date(new HandoffSchedule(rotation).start0);
}
