import type { PreparedRotation } from './prepare-rotation.ts';

export type SwapField = 'person' | 'myShift' | 'theirShift';
/** Keyed like the swap modal's inputs, for Slack's `response_action: errors`. */
export type SwapErrors = Partial<Record<SwapField, string>>;

export interface SwapRequest {
  /** Who asks: gives up `myShift`, takes `theirShift`. */
  requester: string;
  counterpart?: string | undefined;
  myShift?: Date | undefined;
  theirShift?: Date | undefined;
}

/**
 * Checks a swap against the rotation as it stands (compiled with the swaps already agreed,
 * so a shift received by an earlier swap is the receiver's to give). Overrides do not change
 * whose a shift is.
 */
export function validateSwapRequest(request: SwapRequest, rotation: PreparedRotation, now: Date): SwapErrors {
  const errors: SwapErrors = {};
  const { requester, counterpart } = request;
  if (!counterpart) errors.person = 'Choose who to swap with.';
  else if (counterpart === requester) errors.person = 'You cannot swap with yourself.';
  else if (!rotation.rotation.participants.includes(counterpart) && !heldBy(rotation, counterpart, request.theirShift)) {
    errors.person = `${counterpart} is not in the ${rotation.rotation.name} rotation.`;
  }

  const mine = checkShift(rotation, request.myShift, requester, now, 'your');
  if (mine) errors.myShift = mine;
  if (counterpart && counterpart !== requester) {
    const theirs = checkShift(rotation, request.theirShift, counterpart, now, `${counterpart}'s`);
    if (theirs) errors.theirShift = theirs;
  } else if (!request.theirShift) errors.theirShift = 'Choose the shift you take in exchange.';
  if (!errors.myShift && !errors.theirShift && request.myShift!.getTime() === request.theirShift!.getTime()) {
    errors.theirShift = 'Pick a different shift from yours.';
  }
  return errors;
}

function heldBy(rotation: PreparedRotation, person: string, shift: Date | undefined): boolean {
  const k = shift ? rotation.shiftIndexStartingAt(shift) : -1;
  return k >= 0 && rotation.holderOf(k)?.person === person;
}

function checkShift(rotation: PreparedRotation, shift: Date | undefined, owner: string, now: Date, whose: string): string | undefined {
  if (!shift || Number.isNaN(shift.getTime())) return `Choose ${whose} shift.`;
  const k = rotation.shiftIndexStartingAt(shift);
  if (k < 0) return `No shift of ${rotation.rotation.name} starts at that time.`;
  if (shift.getTime() <= now.getTime()) return 'That shift has already started.';
  const holder = rotation.holderOf(k)?.person;
  if (holder !== owner) return `That shift is ${holder ?? 'nobody'}'s, not ${whose === 'your' ? 'yours' : owner + "'s"}.`;
  return undefined;
}
