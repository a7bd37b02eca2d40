import { describe, expect, it } from 'vitest';
import { decideHandoff, HANDOFF_RECHECK_MS, handoffJobId } from '../../../src/rota/domain/handoff-announcer.ts';
import { prepareLayers } from '../../../src/rota/domain/layers.ts';
import type { Rotation } from '../../../src/rota/domain/types.ts';

const weekly: Rotation = {
  id: 'dns-primary',
  name: 'DNS primary',
  participants: ['a', 'b'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'Europe/Berlin' },
  start: new Date('2026-01-05T08:00:00Z'),
};
const at = new Date('2026-11-30T08:00:00Z'); // shift 47: b, then a from 7 Dec

describe('decideHandoff', () => {
  it('announces the incoming person when nothing was recorded or someone else was', () => {
    const layers = prepareLayers([weekly]);
    expect(decideHandoff(layers, at, undefined)).toEqual({ announce: true, person: 'b', until: new Date('2026-12-07T08:00:00Z'), next: 'a', nextCheckAt: new Date('2026-12-07T08:00:00Z') });
    expect(decideHandoff(layers, at, 'a').announce).toBe(true);
    expect(decideHandoff(layers, at, null).announce).toBe(true);
  });

  it('announces nothing when an override keeps the same person on call (the row is stale)', () => {
    const layers = prepareLayers([weekly], { 'dns-primary': [{ person: 'a', from: new Date('2026-11-29T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z') }] });
    const d = decideHandoff(layers, at, 'a');
    expect(d).toMatchObject({ announce: false, person: 'a', until: new Date('2026-12-02T00:00:00Z'), next: 'b' });
  });

  it('a single-person rotation has no next handoff: re-check later', () => {
    const layers = prepareLayers([{ ...weekly, participants: ['a'] }]);
    const d = decideHandoff(layers, at, undefined);
    expect(d.until).toBeUndefined();
    expect(d.nextCheckAt.getTime()).toBe(at.getTime() + HANDOFF_RECHECK_MS);
  });

  it('job ids carry the subproject and instant', () => {
    expect(handoffJobId('dns', at)).toBe('handoff:dns:2026-11-30T08:00:00.000Z');
  });
});
