import type { StateTransition, TrackedServiceState } from './track-service-state.ts';

/**
 * An alert tells of one official transition. It is superseded once the service's state has
 * changed again since (its current state began after this transition was confirmed): posting it
 * then would make the channel's last word about the service something no longer true, so it is
 * not posted (the newer alert says what it recovered from, or changed from).
 */
export function isSuperseded(current: Pick<TrackedServiceState, 'state' | 'since'> | undefined, transition: Pick<StateTransition, 'to' | 'at'>): boolean {
  if (!current || current.since === null) return false;
  return current.since.getTime() > transition.at.getTime();
}
