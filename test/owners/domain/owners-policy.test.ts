import { describe, expect, it } from 'vitest';
import { mayActOnOwners, type OwnersAction } from '../../../src/owners/domain/owners-policy.ts';

const subject = { owners: ['jimangel', 'nikhita'], personId: 'hh' };

describe('who may act on a subproject’s owners', () => {
  it.each([
    // action, actor, lead, allowed
    ['nominate', 'nikhita', false, true],
    ['nominate', 'dims', true, true],
    ['nominate', 'xmudrii', false, false],
    ['nominate', undefined, false, false],
    ['vote', 'jimangel', false, true],
    ['vote', 'dims', true, true],
    ['vote', 'hh', false, false], // the nominee
    ['vote', 'xmudrii', false, false],
    ['offboard', 'nikhita', false, true],
    ['offboard', 'hh', false, true], // stepping down themself
    ['offboard', 'dims', true, true],
    ['offboard', 'xmudrii', false, false],
    ['confirm-offboard', 'dims', true, true],
    ['confirm-offboard', 'nikhita', false, false],
    ['confirm-offboard', undefined, true, false],
  ] as const)('%s by %s (lead %s): %s', (action, personId, isLead, allowed) => {
    expect(mayActOnOwners(action as OwnersAction, { personId, isLead }, subject)).toBe(allowed);
  });
});
