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
    const valid: Array<{ from: number; to: number; person: string; source: number }> = [];
    overrides.forEach((o, source) => {
      const from = o.from.getTime();
      const to = o.to.getTime();
      if (o.person && Number.isFinite(from) && Number.isFinite(to) && from < to) valid.push({ from, to, person: o.person, source });
    });
    const bounds = [...new Set(valid.flatMap((o) => [o.from, o.to]))].sort((a, b) => a - b);
    const starts: number[] = [];
    const ends: number[] = [];
    const persons: string[] = [];
    const sources: number[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const a = bounds[i]!;
      const b = bounds[i + 1]!;
      let winner: (typeof valid)[number] | undefined;
      for (let j = valid.length - 1; j >= 0; j--) {
        const o = valid[j]!;
        if (o.from <= a && o.to >= b) {
          winner = o;
          break;
        }
      }
      if (!winner) continue;
      const last = starts.length - 1;
      if (last >= 0 && ends[last] === a && sources[last] === winner.source) ends[last] = b;
      else {
        starts.push(a);
        ends.push(b);
        persons.push(winner.person);
        sources.push(winner.source);
      }
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
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
