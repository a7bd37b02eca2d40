import { describe, expect, it } from 'vitest';
import { decideNomination, nominationProblem, offboardProblem } from '../../../src/owners/domain/nomination.ts';

const DEADLINE = new Date('2026-12-08T00:00:00Z');
const before = new Date('2026-12-07T23:59:59Z');

describe('deciding a nomination', () => {
  it.each([
    [[], before, { kind: 'pending' }],
    [[{ vote: 'object' }], before, { kind: 'pending' }],
    [[], DEADLINE, { kind: 'accepted', by: 'lazy-consensus', support: 0, object: 0 }],
    [[{ vote: 'support' }], DEADLINE, { kind: 'accepted', by: 'lazy-consensus', support: 1, object: 0 }],
    [[{ vote: 'support' }, { vote: 'support' }, { vote: 'object' }], DEADLINE, { kind: 'accepted', by: 'vote', support: 2, object: 1 }],
    [[{ vote: 'support' }, { vote: 'object' }], DEADLINE, { kind: 'rejected', support: 1, object: 1 }],
    [[{ vote: 'object' }], DEADLINE, { kind: 'rejected', support: 0, object: 1 }],
  ] as const)('%j at %s → %j', (votes, now, expected) => {
    expect(decideNomination(votes, DEADLINE, now)).toEqual(expected);
  });

  it('says why a nomination or an offboarding cannot start', () => {
    const base = { personKnown: true, alreadyOwner: false, openNomination: false, mention: '@hh', subprojectId: 'website' };
    expect(nominationProblem(base)).toBeUndefined();
    expect(nominationProblem({ ...base, personKnown: false })).toContain("not in the config's people");
    expect(nominationProblem({ ...base, alreadyOwner: true })).toContain('already an owner');
    expect(nominationProblem({ ...base, openNomination: true })).toContain('open nomination');
    const off = { isOwner: true, ownersAfter: 3, minimum: 3, leadConfirmed: false, mention: '@hh', subprojectId: 'dns' };
    expect(offboardProblem(off)).toBeUndefined();
    expect(offboardProblem({ ...off, ownersAfter: 2 })).toContain('would leave `dns` with 2 owners');
    expect(offboardProblem({ ...off, ownersAfter: 2, leadConfirmed: true })).toBeUndefined();
    expect(offboardProblem({ ...off, isOwner: false })).toContain('is not an owner');
  });
});
