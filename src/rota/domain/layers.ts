import { DEFAULT_HANDOFF_HORIZON_MS, nextChange, toShift, type Piece, type PreparedRotation } from './prepare-rotation.ts';
import { changesFor, prepareRotation, type ChangesByRotation } from './prepared-cache.ts';
import { rotationLookup, type RotationLookup } from './secondary.ts';
import type { Handoff, LayeredOnCall, LayeredShift, Rotation } from './types.ts';

interface LayeredPiece extends Piece {
  layer: number;
}

/**
 * A subproject's on-call layers (ordered rotations): at every instant the first layer with
 * someone on call wins, e.g. EMEA hours, then Americas hours, then a 24/7 fallback.
 */
export class PreparedLayers {
  constructor(
    readonly layers: readonly PreparedRotation[],
    /** The rotations a layer's `secondary: { rotation }` may name, compiled with their changes. */
    readonly others?: RotationLookup,
  ) {}

  personAt(t: number): string | undefined {
    for (const layer of this.layers) {
      const person = layer.personAt(t);
      if (person !== undefined) return person;
    }
    return undefined;
  }

  whoIsOnCall(instant: Date | number): LayeredOnCall | undefined {
    for (let layer = 0; layer < this.layers.length; layer++) {
      const onCall = this.layers[layer]!.whoIsOnCall(instant);
      if (onCall) return { ...onCall, layer };
    }
    return undefined;
  }

  /** The layer supplying the primary at `instant`, if any. */
  layerAt(instant: Date | number): PreparedRotation | undefined {
    const t = typeof instant === 'number' ? instant : instant.getTime();
    return this.layers.find((layer) => layer.personAt(t) !== undefined);
  }

  /**
   * The effective timeline over [from, to): each piece is the part of a layer's piece not
   * hidden by an earlier layer. A piece keeps its fall-back `end` only when it still ends
   * where its source piece did (so the incoming shift of the same layer follows it).
   */
  pieces(from: number, to: number): LayeredPiece[] {
    // A piece reaching into [from, to) may start before `from`; every layer must be known over
    // its whole extent, or an earlier layer active just before `from` would be missed.
    let lo = from;
    let hi = to;
    for (const layer of this.layers) {
      const ps = layer.pieces(from, to);
      if (ps.length === 0) continue;
      lo = Math.min(lo, ps[0]!.start);
      hi = Math.max(hi, ps[ps.length - 1]!.primaryEnd);
    }
    const perLayer = this.layers.map((layer) => layer.pieces(lo, hi));
    const bounds = [...new Set(perLayer.flatMap((ps) => ps.flatMap((p) => [p.start, p.primaryEnd])))].sort((a, b) => a - b);
    const cursors = perLayer.map(() => 0);
    const out: LayeredPiece[] = [];
    let lastSource: Piece | undefined;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const a = bounds[i]!;
      const b = bounds[i + 1]!;
      let chosen: LayeredPiece | undefined;
      let source: Piece | undefined;
      for (let layer = 0; layer < perLayer.length && !chosen; layer++) {
        const ps = perLayer[layer]!;
        let c = cursors[layer]!;
        while (c < ps.length && ps[c]!.primaryEnd <= a) c++;
        cursors[layer] = c;
        const p = ps[c];
        if (p && p.start <= a) {
          chosen = { ...p, start: a, primaryEnd: b, end: b === p.primaryEnd ? p.end : b, layer };
          source = p;
        }
      }
      if (!chosen) continue;
      const last = out[out.length - 1];
      if (last && source === lastSource && last.primaryEnd === a) {
        last.primaryEnd = chosen.primaryEnd;
        last.end = chosen.end;
      } else out.push(chosen);
      lastSource = source;
    }
    return out.filter((p) => p.primaryEnd > from && p.start < to);
  }

  shifts(from: Date, to: Date): LayeredShift[] {
    return this.pieces(from.getTime(), to.getTime()).map((p) => ({ ...toShift(this.layers[p.layer]!, p), layer: p.layer }));
  }

  nextHandoff(after: Date, horizonMs = DEFAULT_HANDOFF_HORIZON_MS): Handoff | undefined {
    return nextChange((t) => this.personAt(t), (a, b) => this.pieces(a, b), after.getTime(), horizonMs);
  }
}

/**
 * Compiles a subproject's layers with their changes. `others` are the rotations a layer's
 * `secondary: { rotation }` may name (default: the layers themselves), looked up with the same
 * changes.
 */
export function prepareLayers(layers: readonly Rotation[], changesByRotation?: ChangesByRotation, others: readonly Rotation[] = layers): PreparedLayers {
  return new PreparedLayers(
    layers.map((rotation) => prepareRotation(rotation, changesFor(changesByRotation, rotation.id))),
    rotationLookup(others, changesByRotation),
  );
}
