import { describe, expect, it } from 'vitest';
import type { Override, Shift } from '../../../src/rota/domain/types.ts';
import { at, rotation, shifts } from './rotation-builders.ts';

const weekly = rotation({
  id: 'dns-primary',
  participants: ['ameukam', 'upodroid', 'xmudrii'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'Europe/Berlin' },
  start: at('2026-01-05T09:00:00+01:00'),
});

const brief = (list: Shift[]) => list.map((s) => [s.person, s.why, s.start.toISOString(), s.primaryEnd.toISOString(), s.shiftIndex]);

describe('shifts', () => {
  it('lists whole shifts intersecting the range, unclipped', () => {
    expect(brief(shifts(weekly, undefined, at('2026-01-10T00:00:00Z'), at('2026-01-13T00:00:00Z')))).toEqual([
      ['ameukam', 'rotation', '2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z', 0],
      ['upodroid', 'rotation', '2026-01-12T08:00:00.000Z', '2026-01-19T08:00:00.000Z', 1],
    ]);
    expect(shifts(weekly, undefined, at('2025-12-01T00:00:00Z'), at('2026-01-05T08:00:00Z'))).toEqual([]);
    expect(shifts(weekly, undefined, at('2026-02-01T00:00:00Z'), at('2026-02-01T00:00:00Z'))).toEqual([]);
  });

  it('an override splits a shift into rotation, override, rotation', () => {
    const overrides: Override[] = [{ id: 'o1', person: 'dims', from: at('2026-01-07T10:00:00Z'), to: at('2026-01-08T10:00:00Z') }];
    const list = shifts(weekly, overrides, at('2026-01-06T00:00:00Z'), at('2026-01-10T00:00:00Z'));
    expect(brief(list)).toEqual([
      ['ameukam', 'rotation', '2026-01-05T08:00:00.000Z', '2026-01-07T10:00:00.000Z', 0],
      ['dims', 'override', '2026-01-07T10:00:00.000Z', '2026-01-08T10:00:00.000Z', 0],
      ['ameukam', 'rotation', '2026-01-08T10:00:00.000Z', '2026-01-12T08:00:00.000Z', 0],
    ]);
    expect(list.every((s) => s.shiftStart.getTime() === at('2026-01-05T08:00:00Z').getTime())).toBe(true);
  });

  it('an override across a handoff is one piece, and ranges touching it return it whole', () => {
    const overrides: Override[] = [{ person: 'dims', from: at('2026-01-11T00:00:00Z'), to: at('2026-01-13T00:00:00Z') }];
    expect(brief(shifts(weekly, overrides, at('2026-01-12T12:00:00Z'), at('2026-01-12T13:00:00Z')))).toEqual([
      ['dims', 'override', '2026-01-11T00:00:00.000Z', '2026-01-13T00:00:00.000Z', 0],
    ]);
    expect(brief(shifts(weekly, overrides, at('2026-01-10T00:00:00Z'), at('2026-01-14T00:00:00Z')))).toEqual([
      ['ameukam', 'rotation', '2026-01-05T08:00:00.000Z', '2026-01-11T00:00:00.000Z', 0],
      ['dims', 'override', '2026-01-11T00:00:00.000Z', '2026-01-13T00:00:00.000Z', 0],
      ['upodroid', 'rotation', '2026-01-13T00:00:00.000Z', '2026-01-19T08:00:00.000Z', 1],
    ]);
  });

  it('an override before the start does nothing', () => {
    const overrides: Override[] = [{ person: 'dims', from: at('2026-01-01T00:00:00Z'), to: at('2026-01-05T12:00:00Z') }];
    expect(brief(shifts(weekly, overrides, at('2026-01-01T00:00:00Z'), at('2026-01-06T00:00:00Z')))).toEqual([
      ['dims', 'override', '2026-01-05T08:00:00.000Z', '2026-01-05T12:00:00.000Z', 0],
      ['ameukam', 'rotation', '2026-01-05T12:00:00.000Z', '2026-01-12T08:00:00.000Z', 0],
    ]);
  });

  it('a windowed rotation yields one piece per window', () => {
    const americas = rotation({
      id: 'registry-americas',
      participants: ['bentheelder', 'spiffxp'],
      shift: { length: 1, unit: 'weeks' },
      handoff: { time: '09:00', timezone: 'America/Los_Angeles' },
      start: at('2026-01-05T09:00:00-08:00'),
      window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timezone: 'America/Los_Angeles' },
    });
    const list = shifts(americas, undefined, at('2026-01-10T00:00:00Z'), at('2026-01-17T00:00:00Z'));
    expect(list.map((s) => [s.person, s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['bentheelder', '2026-01-09T17:00:00.000Z', '2026-01-10T01:00:00.000Z'], // Friday in LA reaches into the range
      ['spiffxp', '2026-01-12T17:00:00.000Z', '2026-01-13T01:00:00.000Z'],
      ['spiffxp', '2026-01-13T17:00:00.000Z', '2026-01-14T01:00:00.000Z'],
      ['spiffxp', '2026-01-14T17:00:00.000Z', '2026-01-15T01:00:00.000Z'],
      ['spiffxp', '2026-01-15T17:00:00.000Z', '2026-01-16T01:00:00.000Z'],
      ['spiffxp', '2026-01-16T17:00:00.000Z', '2026-01-17T01:00:00.000Z'],
    ]);
    expect(new Set(list.map((s) => s.shiftIndex))).toEqual(new Set([0, 1]));
  });

  it('fall back in Santiago: the 23:30 handoff on 2026-04-04 overlaps the outgoing shift by an hour', () => {
    const late = rotation({ handoff: { time: '23:30', timezone: 'America/Santiago' }, start: at('2026-04-02T23:30:00-03:00') });
    const list = shifts(late, undefined, at('2026-04-04T12:00:00Z'), at('2026-04-05T12:00:00Z'));
    expect(list.map((s) => [s.person, s.start.toISOString(), s.primaryEnd.toISOString(), s.end.toISOString()])).toEqual([
      ['bob', '2026-04-04T02:30:00.000Z', '2026-04-05T02:30:00.000Z', '2026-04-05T03:30:00.000Z'],
      ['carol', '2026-04-05T02:30:00.000Z', '2026-04-06T03:30:00.000Z', '2026-04-06T03:30:00.000Z'],
    ]);
  });

  it('an override at the overlap keeps the outgoing end but is primary from its start', () => {
    const daily = rotation({ handoff: { time: '01:30', timezone: 'America/Los_Angeles' }, start: at('2026-10-31T01:30:00-07:00') });
    const overrides: Override[] = [{ person: 'dims', from: at('2026-11-01T09:00:00Z'), to: at('2026-11-01T10:00:00Z') }];
    const list = shifts(daily, overrides, at('2026-11-01T00:00:00Z'), at('2026-11-01T12:00:00Z'));
    expect(list.map((s) => [s.person, s.start.toISOString(), s.primaryEnd.toISOString(), s.end.toISOString()])).toEqual([
      ['alice', '2026-10-31T08:30:00.000Z', '2026-11-01T08:30:00.000Z', '2026-11-01T09:30:00.000Z'],
      ['bob', '2026-11-01T08:30:00.000Z', '2026-11-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z'],
      ['dims', '2026-11-01T09:00:00.000Z', '2026-11-01T10:00:00.000Z', '2026-11-01T10:00:00.000Z'],
      ['bob', '2026-11-01T10:00:00.000Z', '2026-11-02T09:30:00.000Z', '2026-11-02T09:30:00.000Z'],
    ]);
  });

  it('a rotation with one participant still has one shift per handoff', () => {
    const solo = rotation({ participants: ['bentheelder'], handoff: { time: '09:00', timezone: 'UTC' }, start: at('2026-01-01T09:00:00Z') });
    expect(shifts(solo, undefined, at('2026-01-01T09:00:00Z'), at('2026-01-04T09:00:00Z')).map((s) => s.shiftIndex)).toEqual([0, 1, 2]);
  });
});
