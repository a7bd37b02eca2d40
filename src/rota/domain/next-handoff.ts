import { DEFAULT_HANDOFF_HORIZON_MS } from './prepare-rotation.ts';
import { prepareRotation } from './prepared-cache.ts';
import type { ChangesInput, Handoff, Rotation } from './types.ts';

/**
 * The first instant after `after` at which the primary changes (another person, or nobody when
 * a window closes), looking at most `horizonMs` ahead. A rotation shift that goes to the same
 * person again is not a handoff.
 */
export function nextHandoff(
  rotation: Rotation,
  changes: ChangesInput,
  after: Date,
  horizonMs = DEFAULT_HANDOFF_HORIZON_MS,
): Handoff | undefined {
  return prepareRotation(rotation, changes).nextHandoff(after, horizonMs);
}
