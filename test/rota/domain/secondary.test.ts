import { describe, expect, it } from 'vitest';
import { prepareLayers } from '../../../src/rota/domain/layers.ts';
import { onCallAt } from '../../../src/rota/domain/on-call-at.ts';
import { prepareRotation } from '../../../src/rota/domain/prepared-cache.ts';
import { rotationLookup, secondaryOf } from '../../../src/rota/domain/secondary.ts';
import type { ChangesInput, Rotation } from '../../../src/rota/domain/types.ts';
import { at, rotation } from './rotation-builders.ts';

const dns: Rotation = rotation({
  id: 'dns-primary',
  participants: ['ameukam', 'upodroid', 'xmudrii', 'dims'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'Europe/Berlin' },
  start: at('2026-01-05T09:00:00+01:00'),
  secondary: 'next',
});
const backup: Rotation = rotation({
  id: 'dns-backup',
  participants: ['thockin', 'dims'],
  shift: { length: 1, unit: 'days' },
  handoff: { time: '09:00', timezone: 'UTC' },
  start: at('2026-01-05T09:00:00Z'),
});

/** One rotation's secondary, looking up `secondary: { rotation }` among `others`. */
function secondaryOnCall(rotation: Rotation, changes: ChangesInput, instant: Date, others?: { rotations: readonly Rotation[] }) {
  return secondaryOf(prepareRotation(rotation, changes), instant, others && rotationLookup(others.rotations));
}

describe('secondary', () => {
  it('next: the holder of the next shift', () => {
    expect(secondaryOnCall(dns, undefined, at('2026-01-06T00:00:00Z'))).toEqual({ person: 'upodroid', via: 'next', rotationId: 'dns-primary' });
    expect(secondaryOnCall(dns, undefined, at('2026-01-27T00:00:00Z'))?.person).toBe('ameukam'); // dims' week wraps round
  });

  it('next: follows swaps and skips the primary', () => {
    const swaps = [{ a: { person: 'upodroid', shiftStart: at('2026-01-12T08:00:00Z') }, b: { person: 'xmudrii', shiftStart: at('2026-01-19T08:00:00Z') } }];
    expect(secondaryOnCall(dns, { swaps }, at('2026-01-06T00:00:00Z'))?.person).toBe('xmudrii');
    // upodroid covers ameukam's week: upodroid is primary, so the secondary is the one after.
    const overrides = [{ person: 'upodroid', from: at('2026-01-05T08:00:00Z'), to: at('2026-01-12T08:00:00Z') }];
    expect(secondaryOnCall(dns, overrides, at('2026-01-06T00:00:00Z'))?.person).toBe('xmudrii');
  });

  it('another rotation: its primary, unless that is our primary', () => {
    const withBackup: Rotation = { ...dns, secondary: { rotation: 'dns-backup' } };
    const others = { rotations: [withBackup, backup] };
    expect(secondaryOnCall(withBackup, undefined, at('2026-01-05T10:00:00Z'), others)).toEqual({ person: 'thockin', via: 'rotation', rotationId: 'dns-backup' });
    const dimsWeek = at('2026-01-26T10:00:00Z'); // dims primary; backup day 21 is dims (odd index)
    expect(secondaryOnCall(withBackup, undefined, dimsWeek, others)).toBeUndefined();
    expect(secondaryOnCall(withBackup, undefined, at('2026-01-05T10:00:00Z'))).toBeUndefined(); // nothing to look up
  });

  it('nobody without a rule or outside the primary rotation', () => {
    expect(secondaryOnCall(backup, undefined, at('2026-01-06T00:00:00Z'))).toBeUndefined();
    expect(secondaryOnCall(dns, undefined, at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('layers: the secondary of the layer supplying the primary', () => {
    const weekdays: Rotation = rotation({
      id: 'weekdays',
      participants: ['bentheelder', 'spiffxp'],
      shift: { length: 1, unit: 'weeks' },
      handoff: { time: '09:00', timezone: 'UTC' },
      start: at('2026-01-05T09:00:00Z'),
      window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '00:00', end: '00:00', timezone: 'UTC' },
      secondary: 'next',
    });
    const layers = prepareLayers([weekdays, dns]);
    expect(onCallAt(layers, at('2026-01-06T10:00:00Z')).secondary).toBe('spiffxp');
    expect(onCallAt(layers, at('2026-01-10T10:00:00Z')).secondary).toBe('upodroid'); // Saturday: the dns layer
  });
});
