import { describe, expect, it } from 'vitest';
import { prepareRotation } from '../../../src/rota/domain/prepared-cache.ts';
import { validateSwapRequest } from '../../../src/rota/domain/validate-swap.ts';
import { at, rotation } from './rotation-builders.ts';

// Weekly from Monday 2026-01-05 17:00Z (09:00 PST): ameukam, bentheelder, upodroid, ameukam...
const registry = rotation({
  id: 'registry-primary',
  name: 'Registry primary',
  participants: ['ameukam', 'bentheelder', 'upodroid'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'America/Los_Angeles' },
  start: at('2026-01-05T09:00:00-08:00'),
});
const now = at('2026-01-06T00:00:00Z');
const week = (n: number) => new Date(at('2026-01-05T17:00:00Z').getTime() + n * 7 * 86_400_000);

describe('validateSwapRequest', () => {
  const prepared = prepareRotation(registry);

  it('accepts two future shifts each held by the right person', () => {
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: week(3), theirShift: week(2) }, prepared, now)).toEqual({});
  });

  it('rejects a swap with oneself', () => {
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'ameukam', myShift: week(3), theirShift: week(6) }, prepared, now)).toEqual({
      person: 'You cannot swap with yourself.',
    });
  });

  it("rejects a shift that is not the requester's or not the counterpart's", () => {
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: week(1), theirShift: week(4) }, prepared, now)).toEqual({
      myShift: "That shift is bentheelder's, not yours.",
      theirShift: "That shift is bentheelder's, not upodroid's.",
    });
  });

  it('rejects instants that are not shift starts, shifts already started, and the same shift twice', () => {
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: at('2026-01-26T16:00:00Z'), theirShift: week(2) }, prepared, now)).toEqual({
      myShift: 'No shift of Registry primary starts at that time.',
    });
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: week(0), theirShift: week(2) }, prepared, now)).toEqual({
      myShift: 'That shift has already started.',
    });
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: week(3), theirShift: undefined }, prepared, now)).toEqual({
      theirShift: "Choose upodroid's shift.",
    });
  });

  it('rejects a counterpart outside the rotation and a missing counterpart', () => {
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'dims', myShift: week(3), theirShift: week(2) }, prepared, now)).toMatchObject({
      person: 'dims is not in the Registry primary rotation.',
    });
    expect(validateSwapRequest({ requester: 'ameukam', myShift: week(3) }, prepared, now)).toEqual({
      person: 'Choose who to swap with.',
      theirShift: 'Choose the shift you take in exchange.',
    });
  });

  it('a shift received by an earlier swap is the receiver’s to give', () => {
    const swapped = prepareRotation(registry, { swaps: [{ a: { person: 'ameukam', shiftStart: week(3) }, b: { person: 'bentheelder', shiftStart: week(4) } }] });
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: week(4), theirShift: week(5) }, swapped, now)).toEqual({});
    expect(validateSwapRequest({ requester: 'ameukam', counterpart: 'upodroid', myShift: week(3), theirShift: week(5) }, swapped, now)).toEqual({
      myShift: "That shift is bentheelder's, not yours.",
    });
  });
});
