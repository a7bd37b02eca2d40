import { IANAZone } from 'luxon';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Chunks of 400 days: a multiple of a second, so bisection lands on whole seconds. */
const CHUNK = 400 * DAY;
/** UTC offsets in tzdb lie within [-12h, +14h]; a little slack either side. */
const EARLIEST_OFFSET = -13 * HOUR;
const LATEST_OFFSET = 15 * HOUR;

interface Chunk {
  initial: number;
  /** Transition instants inside the chunk, ascending, and the offset from each one on. */
  at: number[];
  after: number[];
}

export interface Transition {
  at: number;
  before: number;
  after: number;
}

/** Where a wall-clock reading falls in absolute time. */
export interface Resolved {
  /** First instant showing that reading; for a skipped reading, the first instant after it. */
  first: number;
  /** Last instant showing it (equal to `first` unless the reading repeats at a fall-back). */
  last: number;
}

/**
 * A zone's UTC offset as a step function, learnt from luxon once per 400 days and then read
 * with plain arithmetic: luxon costs microseconds a call, a lookup here costs nanoseconds.
 * Assumes at most one transition a day, true of every zone since 1970.
 */
export class ZoneOffsets {
  private readonly zone: IANAZone;
  private readonly chunks = new Map<number, Chunk>();
  private lastIndex = Number.NaN;
  private lastChunk: Chunk | undefined;

  constructor(readonly name: string) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`not a valid IANA timezone: ${name}`);
    this.zone = IANAZone.create(name);
  }

  /** Offset in ms to add to an instant to get its wall-clock reading. */
  offsetAt(t: number): number {
    const chunk = this.chunkOf(Math.floor(t / CHUNK));
    let offset = chunk.initial;
    for (let i = 0; i < chunk.at.length; i++) {
      if (t < chunk.at[i]!) break;
      offset = chunk.after[i]!;
    }
    return offset;
  }

  /** The wall-clock reading at `t`, as ms since 1970-01-01T00:00 on that wall clock. */
  wallOf(t: number): number {
    return t + this.offsetAt(t);
  }

  /** Transitions with a < at <= b. */
  transitionsIn(a: number, b: number): Transition[] {
    const found: Transition[] = [];
    for (let index = Math.floor(a / CHUNK); index <= Math.floor(b / CHUNK); index++) {
      const chunk = this.chunkOf(index);
      let before = chunk.initial;
      for (let i = 0; i < chunk.at.length; i++) {
        const at = chunk.at[i]!;
        const after = chunk.after[i]!;
        if (at > a && at <= b) found.push({ at, before, after });
        before = after;
      }
    }
    return found;
  }

  /** Resolves a wall-clock reading (ms on the wall clock, see `wallOf`) to instants. */
  resolve(wall: number): Resolved {
    const lo = wall - LATEST_OFFSET;
    const hi = wall - EARLIEST_OFFSET;
    // Fast path: no transition anywhere near, so the one offset in force decides.
    const index = Math.floor(lo / CHUNK);
    if (index === Math.floor(hi / CHUNK)) {
      const chunk = this.chunkOf(index);
      let offset = chunk.initial;
      let near = false;
      for (let i = 0; i < chunk.at.length; i++) {
        const at = chunk.at[i]!;
        if (at > hi) break;
        if (at > lo) {
          near = true;
          break;
        }
        offset = chunk.after[i]!;
      }
      if (!near) return { first: wall - offset, last: wall - offset };
    }
    const transitions = this.transitionsIn(lo, hi);
    if (transitions.length === 0) {
      const t = wall - this.offsetAt(lo);
      return { first: t, last: t };
    }
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    const candidates = [transitions[0]!.before, ...transitions.map((tr) => tr.after)];
    for (const offset of candidates) {
      const t = wall - offset;
      if (this.offsetAt(t) === offset) {
        if (t < first) first = t;
        if (t > last) last = t;
      }
    }
    if (first !== Number.POSITIVE_INFINITY) return { first, last };
    // Skipped by a spring-forward: the first valid instant after it is the transition itself.
    for (const tr of transitions) {
      if (tr.at + tr.before <= wall && wall < tr.at + tr.after) return { first: tr.at, last: tr.at };
    }
    const t = wall - this.offsetAt(wall);
    return { first: t, last: t };
  }

  private chunkOf(index: number): Chunk {
    if (index === this.lastIndex) return this.lastChunk!;
    let chunk = this.chunks.get(index);
    if (!chunk) {
      chunk = this.learn(index * CHUNK);
      this.chunks.set(index, chunk);
    }
    this.lastIndex = index;
    this.lastChunk = chunk;
    return chunk;
  }

  private raw(t: number): number {
    return this.zone.offset(t) * MINUTE;
  }

  private learn(start: number): Chunk {
    const chunk: Chunk = { initial: this.raw(start), at: [], after: [] };
    let prevT = start;
    let prevOffset = chunk.initial;
    for (let t = start + DAY; t <= start + CHUNK; t += DAY) {
      const offset = this.raw(t);
      if (offset !== prevOffset) {
        let lo = prevT;
        let hi = t;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.raw(mid) === prevOffset) lo = mid;
          else hi = mid;
        }
        if (hi < start + CHUNK) {
          chunk.at.push(hi);
          chunk.after.push(offset);
        }
      }
      prevT = t;
      prevOffset = offset;
    }
    return chunk;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** Shared, lazily learnt offset table for a zone (pure memoisation: results never change). */
export function zoneOffsets(name: string): ZoneOffsets {
  let zone = zones.get(name);
  if (!zone) {
    zone = new ZoneOffsets(name);
    zones.set(name, zone);
  }
  return zone;
}

/** Minutes since midnight of an HH:mm string (validated by the config schema). */
export function minutesOfDay(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`expected HH:mm, got "${hhmm}"`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) throw new RangeError(`expected HH:mm, got "${hhmm}"`);
  return hours * 60 + minutes;
}
