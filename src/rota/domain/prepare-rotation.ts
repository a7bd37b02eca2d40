import { HandoffSchedule } from './handoff-schedule.ts';
import { OverrideIndex } from './override-index.ts';
import type { ChangesInput, Handoff, OnCall, Override, RotaChanges, Rotation, Shift, ShiftWhy, Swap } from './types.ts';
import { windowCalendar, type WindowCalendar } from './window-calendar.ts';
import { DAY } from './zone-offsets.ts';

/** A piece of a timeline in ms; `end` > `primaryEnd` only at a fall-back handoff. */
export interface Piece {
  start: number;
  primaryEnd: number;
  end: number;
  person: string;
  why: ShiftWhy;
  shiftIndex: number;
}

export interface IgnoredChange {
  kind: 'override' | 'swap';
  /** Position in the list passed in. */
  index: number;
  reason: string;
}

/** The default look-ahead of nextHandoff: a year and a bit. */
export const DEFAULT_HANDOFF_HORIZON_MS = 400 * DAY;

function normalizeChanges(changes: ChangesInput): RotaChanges {
  if (changes === undefined) return {};
  if (Array.isArray(changes)) return { overrides: changes as readonly Override[] };
  return changes as RotaChanges;
}

const schedules = new WeakMap<Rotation, HandoffSchedule>();

/** Rotations are treated as immutable values: their handoff instants are cached per object. */
function scheduleOf(rotation: Rotation): HandoffSchedule {
  let schedule = schedules.get(rotation);
  if (!schedule) {
    schedule = new HandoffSchedule(rotation);
    schedules.set(rotation, schedule);
  }
  return schedule;
}

/**
 * A rotation compiled together with its overrides and swaps: O(1) arithmetic to find the shift
 * of an instant, a binary search for overrides, a hash lookup for swaps. Coverage: nobody
 * before the first handoff nor outside the window; overrides and swaps only apply where the
 * rotation is active (an override on a weekday-only layer does not cover Saturday).
 */
export class PreparedRotation {
  readonly id: string;
  readonly schedule: HandoffSchedule;
  readonly window: WindowCalendar | undefined;
  readonly overrides: OverrideIndex;
  /** Changes that could not apply (another rotation's, a swap naming no shift start...). */
  readonly ignored: readonly IgnoredChange[];
  private readonly participants: readonly string[];
  private readonly swapped = new Map<number, string>();

  constructor(
    readonly rotation: Rotation,
    changes?: ChangesInput,
  ) {
    this.id = rotation.id;
    this.participants = rotation.participants;
    this.schedule = scheduleOf(rotation);
    this.window = rotation.window ? windowCalendar(rotation.window) : undefined;
    const { overrides = [], swaps = [] } = normalizeChanges(changes);
    const ignored: IgnoredChange[] = [];
    const mine: Override[] = [];
    overrides.forEach((o, index) => {
      if (o.rotationId !== undefined && o.rotationId !== rotation.id) ignored.push({ kind: 'override', index, reason: `belongs to rotation ${o.rotationId}` });
      else if (!(o.from.getTime() < o.to.getTime())) ignored.push({ kind: 'override', index, reason: 'ends before it starts' });
      else mine.push(o);
    });
    this.overrides = new OverrideIndex(mine);
    swaps.forEach((swap, index) => {
      const reason = this.applySwap(swap);
      if (reason) ignored.push({ kind: 'swap', index, reason });
    });
    this.ignored = ignored;
  }

  /** Start of shift k. */
  shiftStart(k: number): Date {
    return new Date(this.schedule.startOf(k));
  }

  /** Index of the shift starting exactly at `instant`, or -1. */
  shiftIndexStartingAt(instant: Date): number {
    const t = instant.getTime();
    const k = this.schedule.indexAt(t);
    return k >= 0 && this.schedule.startOf(k) === t ? k : -1;
  }

  /** Who holds shift k by rotation and swaps (overrides aside). */
  holderOf(k: number): { person: string; why: ShiftWhy } | undefined {
    const swapped = this.swapped.get(k);
    if (swapped !== undefined) return { person: swapped, why: 'swap' };
    const n = this.participants.length;
    return n === 0 || k < 0 ? undefined : { person: this.participants[k % n]!, why: 'rotation' };
  }

  /** Whether the rotation covers t at all (started, inside its window). */
  isActive(t: number): boolean {
    return t >= this.schedule.start0 && (this.window === undefined || this.window.contains(t));
  }

  /** The hot path: the primary at t, without building a result object. */
  personAt(t: number): string | undefined {
    if (t < this.schedule.start0) return undefined;
    if (this.window !== undefined && !this.window.contains(t)) return undefined;
    if (this.overrides.size > 0) {
      const i = this.overrides.find(t);
      if (i >= 0) return this.overrides.persons[i];
    }
    const k = this.schedule.indexAt(t);
    if (this.swapped.size > 0) {
      const swapped = this.swapped.get(k);
      if (swapped !== undefined) return swapped;
    }
    const n = this.participants.length;
    return n === 0 ? undefined : this.participants[k % n];
  }

  whoIsOnCall(instant: Date | number): OnCall | undefined {
    const t = typeof instant === 'number' ? instant : instant.getTime();
    if (t < this.schedule.start0) return undefined;
    if (this.window !== undefined && !this.window.contains(t)) return undefined;
    const shiftIndex = this.schedule.indexAt(t);
    if (this.overrides.size > 0) {
      const i = this.overrides.find(t);
      if (i >= 0) return { rotationId: this.id, person: this.overrides.persons[i]!, why: 'override', shiftIndex };
    }
    if (this.swapped.size > 0) {
      const swapped = this.swapped.get(shiftIndex);
      if (swapped !== undefined) return { rotationId: this.id, person: swapped, why: 'swap', shiftIndex };
    }
    const n = this.participants.length;
    return n === 0 ? undefined : { rotationId: this.id, person: this.participants[shiftIndex % n]!, why: 'rotation', shiftIndex };
  }

  /** Pieces whose primary interval intersects [from, to), sorted, unclipped. */
  pieces(from: number, to: number): Piece[] {
    const schedule = this.schedule;
    const lo = Math.max(from, schedule.start0);
    if (!(to > lo)) return [];
    let rangeStart = schedule.startOf(schedule.indexAt(lo));
    let rangeEnd = schedule.startOf(schedule.indexAt(to - 1) + 1);
    // Widen to the overrides reaching into [lo, to) so their pieces come out whole.
    const reaching = this.overrides.between(lo, to);
    if (reaching.length > 0) {
      rangeStart = Math.min(rangeStart, Math.max(schedule.start0, this.overrides.starts[reaching[0]!]!));
      rangeEnd = Math.max(rangeEnd, this.overrides.ends[reaching[reaching.length - 1]!]!);
    }
    const windows = this.window?.intervals(rangeStart, rangeEnd);

    // Rotation pieces: whole shifts, cut to the windows. `limits` holds how far each piece's
    // nominal end may run past its primary end (the fall-back extension, clipped to its window).
    const base: Piece[] = [];
    const limits: number[] = [];
    const n = this.participants.length;
    const kFirst = schedule.indexAt(rangeStart);
    const kLast = schedule.indexAt(rangeEnd - 1);
    let w = 0;
    for (let k = kFirst; k <= kLast; k++) {
      const swapped = this.swapped.size > 0 ? this.swapped.get(k) : undefined;
      const person = swapped ?? (n > 0 ? this.participants[k % n] : undefined);
      const start = schedule.startOf(k);
      const end = schedule.startOf(k + 1);
      if (person === undefined || end <= start) continue;
      const why: ShiftWhy = swapped === undefined ? 'rotation' : 'swap';
      const nominalEnd = schedule.lastOccurrenceOf(k + 1);
      if (!windows) {
        base.push({ start, primaryEnd: end, end, person, why, shiftIndex: k });
        limits.push(nominalEnd);
        continue;
      }
      while (w < windows.length && windows[w]![1] <= start) w++;
      for (let v = w; v < windows.length && windows[v]![0] < end; v++) {
        const [open, close] = windows[v]!;
        const a = Math.max(start, open);
        const b = Math.min(end, close);
        if (a < b) {
          base.push({ start: a, primaryEnd: b, end: b, person, why, shiftIndex: k });
          limits.push(Math.min(nominalEnd, close));
        }
      }
    }

    // Override pieces, cut to where the rotation is active.
    const covers: Piece[] = [];
    for (const i of this.overrides.between(rangeStart, rangeEnd)) {
      const segStart = Math.max(this.overrides.starts[i]!, schedule.start0);
      const segEnd = this.overrides.ends[i]!;
      const person = this.overrides.persons[i]!;
      if (!windows) {
        if (segStart < segEnd) covers.push({ start: segStart, primaryEnd: segEnd, end: segEnd, person, why: 'override', shiftIndex: schedule.indexAt(segStart) });
        continue;
      }
      for (let v = firstWindowEndingAfter(windows, segStart); v < windows.length && windows[v]![0] < segEnd; v++) {
        const a = Math.max(windows[v]![0], segStart);
        const b = Math.min(windows[v]![1], segEnd);
        if (a < b) covers.push({ start: a, primaryEnd: b, end: b, person, why: 'override', shiftIndex: schedule.indexAt(a) });
      }
    }

    // Overlay in one ordered pass: overrides replace the rotation where they apply.
    const out: Piece[] = [];
    const emit = (p: Piece) => {
      if (p.primaryEnd > from && p.start < to) out.push(p);
    };
    let emitted = 0;
    const emitCoversFrom = (t: number) => {
      while (emitted < covers.length && covers[emitted]!.start <= t) emit(covers[emitted++]!);
    };
    let j = 0;
    for (let b = 0; b < base.length; b++) {
      const piece = base[b]!;
      const limit = limits[b]!;
      while (j < covers.length && covers[j]!.primaryEnd <= piece.start) j++;
      let cursor = piece.start;
      for (let c = j; c < covers.length && covers[c]!.start < piece.primaryEnd; c++) {
        const cover = covers[c]!;
        if (cover.start > cursor) {
          emitCoversFrom(cursor);
          emit(cut(piece, limit, cursor, cover.start));
        }
        emitCoversFrom(cover.start);
        cursor = Math.max(cursor, cover.primaryEnd);
      }
      if (cursor >= piece.primaryEnd) continue;
      emitCoversFrom(cursor);
      if (cursor === piece.start) {
        piece.end = Math.max(piece.primaryEnd, limit);
        emit(piece);
      } else emit(cut(piece, limit, cursor, piece.primaryEnd));
    }
    emitCoversFrom(Infinity);
    return out;
  }

  shifts(from: Date, to: Date): Shift[] {
    return this.pieces(from.getTime(), to.getTime()).map((p) => toShift(this, p));
  }

  nextHandoff(after: Date, horizonMs = DEFAULT_HANDOFF_HORIZON_MS): Handoff | undefined {
    return nextChange((t) => this.personAt(t), (a, b) => this.pieces(a, b), after.getTime(), horizonMs);
  }

  /** Returns why the swap cannot apply, or undefined once applied. */
  private applySwap(swap: Swap): string | undefined {
    if (swap.rotationId !== undefined && swap.rotationId !== this.id) return `belongs to rotation ${swap.rotationId}`;
    const ka = this.shiftIndexStartingAt(swap.a.shiftStart);
    const kb = this.shiftIndexStartingAt(swap.b.shiftStart);
    if (ka < 0 || kb < 0) return 'names an instant that is not a shift start';
    if (ka === kb) return 'swaps a shift with itself';
    this.swapped.set(ka, swap.b.person);
    this.swapped.set(kb, swap.a.person);
    return undefined;
  }
}

/** Index of the first [open, close) window with close > t (windows sorted and disjoint). */
function firstWindowEndingAfter(windows: ReadonlyArray<readonly [number, number]>, t: number): number {
  let lo = 0;
  let hi = windows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (windows[mid]![1] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cut(piece: Piece, limit: number, start: number, primaryEnd: number): Piece {
  // Only the tail that still ends at the handoff keeps the fall-back extension.
  const end = primaryEnd === piece.primaryEnd ? Math.max(primaryEnd, limit) : primaryEnd;
  return { start, primaryEnd, end, person: piece.person, why: piece.why, shiftIndex: piece.shiftIndex };
}

export function toShift(rotation: PreparedRotation, p: Piece): Shift {
  // Equal instants share one Date (a year of shifts is tens of thousands of them): treat the
  // Dates of a Shift as read-only.
  const start = new Date(p.start);
  const primaryEnd = new Date(p.primaryEnd);
  const shiftStart = rotation.schedule.startOf(p.shiftIndex);
  return {
    rotationId: rotation.id,
    person: p.person,
    why: p.why,
    start,
    end: p.end === p.primaryEnd ? primaryEnd : new Date(p.end),
    primaryEnd,
    shiftIndex: p.shiftIndex,
    shiftStart: shiftStart === p.start ? start : new Date(shiftStart),
  };
}

/** Scans pieces forward in 5-week steps for the first instant the person on call changes. */
export function nextChange(
  personAt: (t: number) => string | undefined,
  pieces: (from: number, to: number) => ReadonlyArray<{ start: number; primaryEnd: number }>,
  after: number,
  horizonMs: number,
): Handoff | undefined {
  const current = personAt(after);
  const limit = after + horizonMs;
  for (let from = after; from < limit; from += 35 * DAY) {
    const to = Math.min(limit, from + 35 * DAY);
    const bounds = new Set<number>();
    for (const p of pieces(from, to)) {
      if (p.start > after && p.start <= to) bounds.add(p.start);
      if (p.primaryEnd > after && p.primaryEnd <= to) bounds.add(p.primaryEnd);
    }
    for (const at of [...bounds].sort((a, b) => a - b)) {
      const next = personAt(at);
      if (next !== current) return { at: new Date(at), from: current, to: next };
    }
  }
  return undefined;
}
