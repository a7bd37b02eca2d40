import { describe, expect, it } from 'vitest';
import { hasErrors, validateOverrideRequest } from '../../../src/rota/domain/validate-override.ts';
import { at } from './rotation-builders.ts';

const now = at('2026-02-02T12:00:00Z');
const rules = { now, knownPeople: ['ameukam', 'dims'] };

describe('validateOverrideRequest', () => {
  it('accepts a future override within the maximum', () => {
    const errors = validateOverrideRequest({ person: 'dims', from: at('2026-02-03T09:00:00Z'), to: at('2026-02-05T09:00:00Z') }, rules);
    expect(errors).toEqual({});
    expect(hasErrors(errors)).toBe(false);
  });

  it('keys every problem by its field', () => {
    expect(validateOverrideRequest({}, rules)).toEqual({
      person: 'Choose who covers.',
      from: 'Choose when the override starts.',
      to: 'Choose when the override ends.',
    });
    expect(validateOverrideRequest({ person: 'ghost', from: at('2026-02-03T09:00:00Z'), to: at('2026-02-03T08:00:00Z') }, rules)).toEqual({
      person: '"ghost" is not in the people list.',
      to: 'Must be after the start.',
    });
    expect(validateOverrideRequest({ person: 'dims', from: new Date(Number.NaN), to: at('2026-02-03T08:00:00Z') }, rules)).toEqual({
      from: 'Choose when the override starts.',
    });
  });

  it('rejects an end equal to the start', () => {
    const t = at('2026-02-03T09:00:00Z');
    expect(validateOverrideRequest({ person: 'dims', from: t, to: t }, rules).to).toBe('Must be after the start.');
  });

  it('rejects the past, with a few minutes of grace for "now"', () => {
    expect(validateOverrideRequest({ person: 'dims', from: at('2026-02-02T11:50:00Z'), to: at('2026-02-02T18:00:00Z') }, rules)).toEqual({});
    expect(validateOverrideRequest({ person: 'dims', from: at('2026-02-02T11:40:00Z'), to: at('2026-02-02T18:00:00Z') }, rules)).toEqual({
      from: 'Starts in the past; overrides cannot change history.',
    });
    expect(validateOverrideRequest({ person: 'dims', from: at('2026-02-02T11:50:00Z'), to: at('2026-02-02T18:00:00Z') }, { ...rules, pastGraceMs: 0 })).toHaveProperty('from');
  });

  it('rejects an override longer than the maximum (14 days unless configured)', () => {
    const from = at('2026-02-03T00:00:00Z');
    expect(validateOverrideRequest({ person: 'dims', from, to: at('2026-02-17T00:00:00Z') }, rules)).toEqual({});
    expect(validateOverrideRequest({ person: 'dims', from, to: at('2026-02-17T00:00:01Z') }, rules)).toEqual({
      to: 'Longer than 14 days, the most one override may last.',
    });
    expect(validateOverrideRequest({ person: 'dims', from, to: at('2026-02-04T00:00:00Z') }, { ...rules, maxDurationMs: 12 * 3_600_000 })).toEqual({
      to: 'Longer than 12 hours, the most one override may last.',
    });
  });

  it('without a people list any person id is accepted', () => {
    expect(validateOverrideRequest({ person: 'anyone', from: at('2026-02-03T00:00:00Z'), to: at('2026-02-04T00:00:00Z') }, { now })).toEqual({});
  });
});
