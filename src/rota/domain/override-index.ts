import type { Override } from './types.ts';

/**
 * Overrides flattened once into disjoint, sorted segments so a lookup is a binary search.
 * Where overrides overlap, the later one in the list (the more recent) wins.
 */
export class OverrideIndex {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly persons: readonly string[];
  /** Position in the input list of the override each segment comes from. */
  readonly sources: Int32Array;

  constructor(overrides: readonly Override[]) {
    const n = overrides.length;
    const from = new Float64Array(n);
    const to = new Float64Array(n);
    const usable: number[] = [];
    for (let i = 0; i < n; i++) {
      const o = overrides[i]!;
      from[i] = o.from.getTime();
      to[i] = o.to.getTime();
      if (o.person && from[i]! < to[i]!) usable.push(i);
    }
    const byFrom = [...usable].sort((a, b) => from[a]! - from[b]!);
    const byTo = [...usable].sort((a, b) => to[a]! - to[b]!);
    const starts: number[] = [];
    const ends: number[] = [];
    const persons: string[] = [];
    const sources: number[] = [];

    // Sweep the start and end instants in order, keeping the latest active override on top.
    const active = new Uint8Array(n);
    let top = -1;
    let f = 0;
    let e = 0;
    let segmentStart = Number.NaN;
    let segmentSource = -1;
    while (f < byFrom.length || e < byTo.length) {
      const at = Math.min(f < byFrom.length ? from[byFrom[f]!]! : Infinity, e < byTo.length ? to[byTo[e]!]! : Infinity);
      while (e < byTo.length && to[byTo[e]!] === at) {
        const j = byTo[e++]!;
        active[j] = 0;
        if (j === top) while (top >= 0 && !active[top]) top--;
      }
      while (f < byFrom.length && from[byFrom[f]!] === at) {
        const j = byFrom[f++]!;
        active[j] = 1;
        if (j > top) top = j;
      }
      if (top === segmentSource) continue;
      if (segmentSource >= 0) {
        starts.push(segmentStart);
        ends.push(at);
        persons.push(overrides[segmentSource]!.person);
        sources.push(segmentSource);
      }
      segmentStart = at;
      segmentSource = top;
    }
    this.starts = Float64Array.from(starts);
    this.ends = Float64Array.from(ends);
    this.persons = persons;
    this.sources = Int32Array.from(sources);
  }

  get size(): number {
    return this.starts.length;
  }

  /** Segment containing t, or -1. */
  find(t: number): number {
    const i = this.lastStartAtOrBefore(t);
    return i >= 0 && t < this.ends[i]! ? i : -1;
  }

  /** Indexes of the segments intersecting [from, to), ascending. */
  between(from: number, to: number): number[] {
    const found: number[] = [];
    for (let i = Math.max(0, this.lastStartAtOrBefore(from)); i < this.size && this.starts[i]! < to; i++) {
      if (this.ends[i]! > from) found.push(i);
    }
    return found;
  }

  private lastStartAtOrBefore(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
