import { prepareRotation } from './prepared-cache.ts';
import type { ChangesInput, OnCall, Rotation } from './types.ts';

/** The primary of one rotation at `instant`, or undefined when the rotation is not active. */
export function whoIsOnCall(rotation: Rotation, changes: ChangesInput, instant: Date): OnCall | undefined {
  return prepareRotation(rotation, changes).whoIsOnCall(instant);
}
