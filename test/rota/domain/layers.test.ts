import { describe, expect, it } from 'vitest';
import { prepareLayers } from '../../../src/rota/domain/layers.ts';
import type { ChangesByRotation } from '../../../src/rota/domain/prepared-cache.ts';
import type { Override, Rotation } from '../../../src/rota/domain/types.ts';
import { at, rotation } from './rotation-builders.ts';

// The registry's follow-the-sun layers from config/infra.yaml.
const emea: Rotation = rotation({
  id: 'registry-emea',
  participants: ['upodroid', 'ameukam'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'Europe/London' },
  start: at('2026-01-05T09:00:00Z'),
  window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timezone: 'Europe/London' },
});
const americas: Rotation = rotation({
  id: 'registry-americas',
  participants: ['bentheelder'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'America/Los_Angeles' },
  start: at('2026-01-05T09:00:00-08:00'),
  window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timezone: 'America/Los_Angeles' },
});
const fallback: Rotation = rotation({
  id: 'registry-fallback',
  participants: ['hh', 'nikhita', 'bentheelder', 'ameukam', 'upodroid'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '10:00', timezone: 'Asia/Kolkata' },
  start: at('2026-01-05T10:00:00+05:30'),
});
const layers = [emea, americas, fallback];
const whoIsOnCallLayered = (rotations: Rotation[], changes: ChangesByRotation | undefined, t: Date) => prepareLayers(rotations, changes).whoIsOnCall(t);
const shiftsLayered = (rotations: Rotation[], changes: ChangesByRotation | undefined, from: Date, to: Date) => prepareLayers(rotations, changes).shifts(from, to);
const nextHandoffLayered = (rotations: Rotation[], changes: ChangesByRotation | undefined, after: Date) => prepareLayers(rotations, changes).nextHandoff(after);

describe('layered on-call', () => {
  it('the first layer with someone on call wins', () => {
    const who = (t: string) => whoIsOnCallLayered(layers, undefined, at(t));
    expect(who('2026-01-06T10:00:00Z')).toMatchObject({ person: 'upodroid', rotationId: 'registry-emea', layer: 0 });
    expect(who('2026-01-06T16:59:59Z')).toMatchObject({ layer: 0 });
    expect(who('2026-01-06T17:00:00Z')).toMatchObject({ person: 'bentheelder', rotationId: 'registry-americas', layer: 1 });
    expect(who('2026-01-07T01:00:00Z')).toMatchObject({ person: 'hh', rotationId: 'registry-fallback', layer: 2 });
    expect(who('2026-01-10T12:00:00Z')).toMatchObject({ layer: 2 }); // Saturday
    expect(who('2026-01-05T04:29:59Z')).toBeUndefined(); // before every start
  });

  it('overrides apply per rotation', () => {
    const byRotation = new Map<string, Override[]>([['registry-americas', [{ person: 'dims', from: at('2026-01-06T00:00:00Z'), to: at('2026-01-07T00:00:00Z') }]]]);
    expect(whoIsOnCallLayered(layers, byRotation, at('2026-01-06T18:00:00Z'))).toMatchObject({ person: 'dims', why: 'override', layer: 1 });
    expect(whoIsOnCallLayered(layers, { 'registry-americas': { overrides: [] } }, at('2026-01-06T18:00:00Z'))).toMatchObject({ person: 'bentheelder' });
  });

  it('the layered timeline tiles a weekday and agrees with whoIsOnCall', () => {
    const list = shiftsLayered(layers, undefined, at('2026-01-06T00:00:00Z'), at('2026-01-07T00:00:00Z'));
    expect(list.map((s) => [s.layer, s.person, s.start.toISOString(), s.primaryEnd.toISOString()])).toEqual([
      [1, 'bentheelder', '2026-01-05T17:00:00.000Z', '2026-01-06T01:00:00.000Z'], // Monday afternoon in LA
      [2, 'hh', '2026-01-06T01:00:00.000Z', '2026-01-06T09:00:00.000Z'],
      [0, 'upodroid', '2026-01-06T09:00:00.000Z', '2026-01-06T17:00:00.000Z'],
      [1, 'bentheelder', '2026-01-06T17:00:00.000Z', '2026-01-07T01:00:00.000Z'],
    ]);
    const prepared = prepareLayers(layers);
    for (const s of list) {
      expect(prepared.whoIsOnCall(s.start)).toMatchObject({ person: s.person, layer: s.layer });
    }
  });

  it('nextHandoff walks across layers', () => {
    expect(nextHandoffLayered(layers, undefined, at('2026-01-06T10:00:00Z'))).toEqual({ at: at('2026-01-06T17:00:00Z'), from: 'upodroid', to: 'bentheelder' });
    expect(nextHandoffLayered(layers, undefined, at('2026-01-06T17:00:00Z'))).toEqual({ at: at('2026-01-07T01:00:00Z'), from: 'bentheelder', to: 'hh' });
  });
});
