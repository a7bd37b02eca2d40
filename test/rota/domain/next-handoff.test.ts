import { describe, expect, it } from 'vitest';
import { at, nextHandoff, rotation } from './rotation-builders.ts';

const weekly = rotation({
  participants: ['ameukam', 'bentheelder'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'America/Los_Angeles' },
  start: at('2026-01-05T09:00:00-08:00'),
});

describe('nextHandoff', () => {
  it('is the next shift start, following DST', () => {
    expect(nextHandoff(weekly, undefined, at('2026-01-06T00:00:00Z'))).toEqual({ at: at('2026-01-12T17:00:00Z'), from: 'ameukam', to: 'bentheelder' });
    expect(nextHandoff(weekly, undefined, at('2026-03-03T00:00:00Z'))).toEqual({ at: at('2026-03-09T16:00:00Z'), from: 'ameukam', to: 'bentheelder' });
    expect(nextHandoff(weekly, undefined, at('2026-01-12T17:00:00Z'))?.at).toEqual(at('2026-01-19T17:00:00Z'));
  });

  it('before the start it is the start', () => {
    expect(nextHandoff(weekly, undefined, at('2025-12-25T00:00:00Z'))).toEqual({ at: at('2026-01-05T17:00:00Z'), from: undefined, to: 'ameukam' });
  });

  it('counts overrides, and skips a handoff to the same person', () => {
    const overrides = [{ person: 'bentheelder', from: at('2026-01-10T00:00:00Z'), to: at('2026-01-12T17:00:00Z') }];
    expect(nextHandoff(weekly, overrides, at('2026-01-06T00:00:00Z'))).toEqual({ at: at('2026-01-10T00:00:00Z'), from: 'ameukam', to: 'bentheelder' });
    expect(nextHandoff(weekly, overrides, at('2026-01-10T00:00:00Z'))).toEqual({ at: at('2026-01-19T17:00:00Z'), from: 'bentheelder', to: 'ameukam' });
  });

  it('a lone participant never hands off within the horizon', () => {
    const solo = rotation({ ...weekly, participants: ['bentheelder'] });
    expect(nextHandoff(solo, undefined, at('2026-02-01T00:00:00Z'))).toBeUndefined();
  });

  it('a window closing is a handoff to nobody', () => {
    const windowed = rotation({ ...weekly, window: { days: ['mon'], start: '09:00', end: '17:00', timezone: 'America/Los_Angeles' } });
    expect(nextHandoff(windowed, undefined, at('2026-01-05T18:00:00Z'))).toEqual({ at: at('2026-01-06T01:00:00Z'), from: 'ameukam', to: undefined });
    expect(nextHandoff(windowed, undefined, at('2026-01-06T01:00:00Z'))).toEqual({ at: at('2026-01-12T17:00:00Z'), from: undefined, to: 'bentheelder' });
  });
});
