import type { PreparedRotation } from './prepare-rotation.ts';
import { changesFor, prepareRotation, type ChangesByRotation } from './prepared-cache.ts';
import type { Rotation } from './types.ts';

export interface SecondaryOnCall {
  person: string;
  /** 'next': holder of a following shift; 'rotation': primary of the rotation named. */
  via: 'next' | 'rotation';
  /** The rotation the secondary was taken from. */
  rotationId: string;
}

/** Finds the compiled form of another rotation by id (for `secondary: { rotation }`). */
export type RotationLookup = (rotationId: string) => PreparedRotation | undefined;

/**
 * The secondary at `instant`. Nobody when the rotation itself has no primary then (not started,
 * outside its window), and never the primary again:
 * - `next`: the holder (after swaps) of the following shifts, first one who is not the primary
 *   (an override can make next week's person primary already);
 * - `{ rotation }`: that rotation's primary (with its own changes), unless it is the primary.
 */
export function secondaryOf(prepared: PreparedRotation, instant: Date | number, lookup?: RotationLookup): SecondaryOnCall | undefined {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const rule = prepared.rotation.secondary;
  const primary = prepared.personAt(t);
  if (rule === undefined || primary === undefined) return undefined;
  if (rule === 'next') {
    const k = prepared.schedule.indexAt(t);
    const n = Math.max(prepared.rotation.participants.length, 1);
    for (let j = 1; j <= n; j++) {
      const holder = prepared.holderOf(k + j);
      if (holder && holder.person !== primary) return { person: holder.person, via: 'next', rotationId: prepared.id };
    }
    return undefined;
  }
  const other = lookup?.(rule.rotation);
  const person = other?.personAt(t);
  return other && person !== undefined && person !== primary ? { person, via: 'rotation', rotationId: other.id } : undefined;
}

/** Lookup over plain rotations and their changes, compiling each once. */
export function rotationLookup(rotations: readonly Rotation[], changesByRotation?: ChangesByRotation): RotationLookup {
  const byId = new Map(rotations.map((r) => [r.id, r] as const));
  return (id) => {
    const rotation = byId.get(id);
    return rotation && prepareRotation(rotation, changesFor(changesByRotation, id));
  };
}
