import { prepareRotation } from './prepared-cache.ts';
import type { ChangesInput, Rotation, Shift } from './types.ts';

/**
 * Who holds the rotation over [from, to): pieces whose primary interval intersects the range,
 * not clipped to it, sorted by start. Consecutive pieces meet exactly (`primaryEnd` of one is
 * `start` of the next) unless nobody is on call in between (before the start, outside the
 * window); `end` runs past the next start only at a fall-back handoff (see handoff-schedule.ts).
 */
export function shifts(rotation: Rotation, changes: ChangesInput, from: Date, to: Date): Shift[] {
  return prepareRotation(rotation, changes).shifts(from, to);
}
