import { PreparedRotation } from './prepare-rotation.ts';
import type { ChangesInput, Rotation } from './types.ts';

const NO_CHANGES = {};
const cache = new WeakMap<Rotation, WeakMap<object, PreparedRotation>>();

/**
 * Compiles a rotation with its changes once. Hold on to the result for repeated look-ups;
 * calls passing the same rotation and changes objects also share one compiled copy.
 */
export function prepareRotation(rotation: Rotation, changes?: ChangesInput): PreparedRotation {
  const key: object = changes ?? NO_CHANGES;
  let byChanges = cache.get(rotation);
  if (!byChanges) {
    byChanges = new WeakMap();
    cache.set(rotation, byChanges);
  }
  let prepared = byChanges.get(key);
  if (!prepared) {
    prepared = new PreparedRotation(rotation, changes);
    byChanges.set(key, prepared);
  }
  return prepared;
}

export type ChangesByRotation = ReadonlyMap<string, ChangesInput> | Readonly<Record<string, ChangesInput>>;

export function changesFor(changesByRotation: ChangesByRotation | undefined, rotationId: string): ChangesInput {
  if (!changesByRotation) return undefined;
  if (changesByRotation instanceof Map) return changesByRotation.get(rotationId);
  const record = changesByRotation as Readonly<Record<string, ChangesInput>>;
  return Object.hasOwn(record, rotationId) ? record[rotationId] : undefined;
}
