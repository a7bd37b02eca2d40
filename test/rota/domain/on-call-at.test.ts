import { describe, expect, it } from 'vitest';
import { prepareLayers } from '../../../src/rota/domain/layers.ts';
import { onCallAt } from '../../../src/rota/domain/on-call-at.ts';
import type { Rotation } from '../../../src/rota/domain/types.ts';
import { at, rotation } from './rotation-builders.ts';

// config/infra.yaml's dns-primary: ameukam's weeks are shifts 0, 4, …; shift 48 is 7–14 Dec 2026.
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
const T = at('2026-12-08T10:00:00Z');

describe('onCallAt: primary and secondary of a subproject at an instant', () => {
  it('by the rotation alone: the week’s holder and the next one', () => {
    expect(onCallAt(prepareLayers([dns]), T)).toEqual({ primary: 'ameukam', secondary: 'upodroid', rotationId: 'dns-primary', layer: 0 });
  });

  it('the override case: upodroid covers ameukam’s week, so the secondary is xmudrii, not nobody', () => {
    const overrides = [{ person: 'upodroid', from: at('2026-12-08T09:00:00Z'), to: at('2026-12-14T08:00:00Z') }];
    expect(onCallAt(prepareLayers([dns], { 'dns-primary': overrides }), T)).toEqual({ primary: 'upodroid', secondary: 'xmudrii', rotationId: 'dns-primary', layer: 0 });
  });

  it('a swap moves the secondary with the shift', () => {
    const swaps = [{ a: { person: 'upodroid', shiftStart: at('2026-12-14T08:00:00Z') }, b: { person: 'dims', shiftStart: at('2026-12-28T08:00:00Z') } }];
    expect(onCallAt(prepareLayers([dns], { 'dns-primary': { swaps } }), T).secondary).toBe('dims');
  });

  it('secondary: { rotation } takes that rotation’s primary with its own changes, looked up among the others given', () => {
    const withBackup: Rotation = { ...dns, secondary: { rotation: 'dns-backup' } };
    const day = at('2026-01-05T10:00:00Z'); // backup day 0: thockin
    expect(onCallAt(prepareLayers([withBackup], undefined, [withBackup, backup]), day).secondary).toBe('thockin');
    const covered = { 'dns-backup': [{ person: 'jimangel', from: at('2026-01-05T00:00:00Z'), to: at('2026-01-06T00:00:00Z') }] };
    expect(onCallAt(prepareLayers([withBackup], covered, [withBackup, backup]), day).secondary).toBe('jimangel');
    expect(onCallAt(prepareLayers([withBackup]), day).secondary).toBeUndefined(); // not among the others
  });

  it('nobody before the rotation starts, and the layer supplying the primary decides', () => {
    expect(onCallAt(prepareLayers([dns]), at('2026-01-01T00:00:00Z'))).toEqual({});
    expect(onCallAt(prepareLayers([backup, dns]), at('2026-01-05T10:00:00Z'))).toEqual({ primary: 'thockin', rotationId: 'dns-backup', layer: 0 });
  });
});
