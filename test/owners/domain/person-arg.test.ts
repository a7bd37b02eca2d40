import { describe, expect, it } from 'vitest';
import { findPersonArg } from '../../../src/owners/domain/person-arg.ts';

const people = [
  { id: 'bentheelder', slack: 'U0BENTHEE', github: 'BenTheElder' },
  { id: 'hh', slack: 'U0HHHHHHH', github: 'hh' },
];

describe('finding the person a command names', () => {
  it.each([
    ['<@U0BENTHEE>', 'bentheelder'],
    ['<@U0BENTHEE|ben>', 'bentheelder'],
    ['@bentheelder', 'bentheelder'],
    ['benTHEelder', 'bentheelder'],
    ['@hh', 'hh'],
    ['<@U0NOBODY1>', undefined],
    ['@nobody', undefined],
    ['@', undefined],
  ])('%s → %s', (arg, id) => {
    expect(findPersonArg(arg, people)?.id).toBe(id);
  });
});
