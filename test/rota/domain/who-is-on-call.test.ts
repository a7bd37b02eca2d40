import { describe, expect, it } from 'vitest';
import { prepareRotation } from '../../../src/rota/domain/prepared-cache.ts';
import type { Override, Swap } from '../../../src/rota/domain/types.ts';
import { at, rotation, shifts, whoIsOnCall } from './rotation-builders.ts';

const registry = rotation({
  id: 'registry-primary',
  participants: ['ameukam', 'bentheelder', 'upodroid'],
  shift: { length: 1, unit: 'weeks' },
  handoff: { time: '09:00', timezone: 'America/Los_Angeles' },
  start: at('2026-01-05T09:00:00-08:00'),
});

describe('whoIsOnCall', () => {
  it('computes the participant from the shift index', () => {
    expect(whoIsOnCall(registry, undefined, at('2026-01-05T16:59:59.999Z'))).toBeUndefined(); // before the start
    expect(whoIsOnCall(registry, undefined, at('2026-01-05T17:00:00Z'))).toEqual({ rotationId: 'registry-primary', person: 'ameukam', why: 'rotation', shiftIndex: 0 });
    expect(whoIsOnCall(registry, undefined, at('2026-01-12T16:59:59.999Z'))?.person).toBe('ameukam');
    expect(whoIsOnCall(registry, undefined, at('2026-01-12T17:00:00Z'))?.person).toBe('bentheelder');
    expect(whoIsOnCall(registry, undefined, at('2026-01-26T17:00:00Z'))?.person).toBe('ameukam');
    // After LA springs forward (2026-03-08) the 09:00 handoff is at 16:00Z.
    expect(whoIsOnCall(registry, undefined, at('2026-03-09T15:59:59Z'))).toMatchObject({ person: 'upodroid', shiftIndex: 8 });
    expect(whoIsOnCall(registry, undefined, at('2026-03-09T16:00:00Z'))).toMatchObject({ person: 'ameukam', shiftIndex: 9 });
  });

  it('fall back: the incoming person is primary from the first occurrence of the handoff time', () => {
    // Daily 02:30 Berlin; 02:30 on 2026-10-25 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    const daily = rotation({ handoff: { time: '02:30', timezone: 'Europe/Berlin' }, start: at('2026-10-20T02:30:00+02:00') });
    expect(whoIsOnCall(daily, undefined, at('2026-10-25T00:29:59.999Z'))?.person).toBe('bob');
    for (const t of ['2026-10-25T00:30:00Z', '2026-10-25T01:00:00Z', '2026-10-25T01:29:59.999Z', '2026-10-25T01:30:00Z']) {
      expect(whoIsOnCall(daily, undefined, at(t))?.person).toBe('carol');
    }
    const [outgoing, incoming] = shifts(daily, undefined, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'));
    expect(outgoing).toMatchObject({ person: 'bob', start: at('2026-10-24T00:30:00Z'), primaryEnd: at('2026-10-25T00:30:00Z'), end: at('2026-10-25T01:30:00Z') });
    expect(incoming).toMatchObject({ person: 'carol', start: at('2026-10-25T00:30:00Z'), end: at('2026-10-26T01:30:00Z') });
    // Both shifts cover 01:00Z; the one that started later is the one reported.
    const t = at('2026-10-25T01:00:00Z');
    const covering = [outgoing!, incoming!].filter((s) => s.start <= t && t < s.end);
    expect(covering.map((s) => s.person)).toEqual(['bob', 'carol']);
    expect(covering.reduce((a, b) => (b.start > a.start ? b : a)).person).toBe(whoIsOnCall(daily, undefined, t)?.person);
  });

  it('an override replaces the rotation inside its window only', () => {
    const overrides: Override[] = [{ person: 'dims', from: at('2026-01-07T00:00:00Z'), to: at('2026-01-08T00:00:00Z') }];
    expect(whoIsOnCall(registry, overrides, at('2026-01-06T23:59:59.999Z'))?.person).toBe('ameukam');
    expect(whoIsOnCall(registry, overrides, at('2026-01-07T00:00:00Z'))).toEqual({ rotationId: 'registry-primary', person: 'dims', why: 'override', shiftIndex: 0 });
    expect(whoIsOnCall(registry, overrides, at('2026-01-08T00:00:00Z'))?.person).toBe('ameukam');
  });

  it('among overlapping overrides the later one wins', () => {
    const overrides: Override[] = [
      { person: 'dims', from: at('2026-01-06T00:00:00Z'), to: at('2026-01-09T00:00:00Z') },
      { person: 'thockin', from: at('2026-01-07T00:00:00Z'), to: at('2026-01-08T00:00:00Z') },
    ];
    expect(whoIsOnCall(registry, overrides, at('2026-01-06T12:00:00Z'))?.person).toBe('dims');
    expect(whoIsOnCall(registry, overrides, at('2026-01-07T12:00:00Z'))?.person).toBe('thockin');
    expect(whoIsOnCall(registry, overrides, at('2026-01-08T12:00:00Z'))?.person).toBe('dims');
  });

  it("ignores another rotation's changes and says why", () => {
    const changes = {
      overrides: [{ rotationId: 'dns-primary', person: 'dims', from: at('2026-01-06T00:00:00Z'), to: at('2026-01-09T00:00:00Z') }],
      swaps: [{ a: { person: 'ameukam', shiftStart: at('2026-01-05T17:00:00Z') }, b: { person: 'bentheelder', shiftStart: at('2026-01-05T18:00:00Z') } }],
    };
    const prepared = prepareRotation(registry, changes);
    expect(prepared.whoIsOnCall(at('2026-01-07T00:00:00Z'))?.person).toBe('ameukam');
    expect(prepared.ignored).toEqual([
      { kind: 'override', index: 0, reason: 'belongs to rotation dns-primary' },
      { kind: 'swap', index: 0, reason: 'names an instant that is not a shift start' },
    ]);
  });

  it('a swap exchanges two whole shifts', () => {
    const swaps: Swap[] = [
      { rotationId: 'registry-primary', a: { person: 'ameukam', shiftStart: at('2026-01-05T17:00:00Z') }, b: { person: 'upodroid', shiftStart: at('2026-01-19T17:00:00Z') } },
    ];
    expect(whoIsOnCall(registry, { swaps }, at('2026-01-06T00:00:00Z'))).toMatchObject({ person: 'upodroid', why: 'swap', shiftIndex: 0 });
    expect(whoIsOnCall(registry, { swaps }, at('2026-01-13T00:00:00Z'))).toMatchObject({ person: 'bentheelder', why: 'rotation' });
    expect(whoIsOnCall(registry, { swaps }, at('2026-01-20T00:00:00Z'))).toMatchObject({ person: 'ameukam', why: 'swap', shiftIndex: 2 });
    // An override still beats a swapped shift.
    const overrides: Override[] = [{ person: 'dims', from: at('2026-01-06T00:00:00Z'), to: at('2026-01-06T01:00:00Z') }];
    expect(whoIsOnCall(registry, { swaps, overrides }, at('2026-01-06T00:30:00Z'))).toMatchObject({ person: 'dims', why: 'override' });
  });

  it('a later swap of the same shift wins', () => {
    const first = at('2026-01-05T17:00:00Z');
    const second = at('2026-01-12T17:00:00Z');
    const third = at('2026-01-19T17:00:00Z');
    const swaps: Swap[] = [
      { a: { person: 'ameukam', shiftStart: first }, b: { person: 'bentheelder', shiftStart: second } },
      { a: { person: 'bentheelder', shiftStart: first }, b: { person: 'upodroid', shiftStart: third } },
    ];
    const prepared = prepareRotation(registry, { swaps });
    expect([first, second, third].map((t) => prepared.whoIsOnCall(t)?.person)).toEqual(['upodroid', 'ameukam', 'bentheelder']);
  });

  it('a windowed rotation has nobody outside its window, overrides included', () => {
    const emea = rotation({
      id: 'registry-emea',
      participants: ['upodroid', 'ameukam'],
      shift: { length: 1, unit: 'weeks' },
      handoff: { time: '09:00', timezone: 'Europe/London' },
      start: at('2026-01-05T09:00:00Z'),
      window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timezone: 'Europe/London' },
    });
    const overrides: Override[] = [{ person: 'dims', from: at('2026-01-09T12:00:00Z'), to: at('2026-01-12T12:00:00Z') }];
    expect(whoIsOnCall(emea, undefined, at('2026-01-06T08:59:59Z'))).toBeUndefined();
    expect(whoIsOnCall(emea, undefined, at('2026-01-06T09:00:00Z'))?.person).toBe('upodroid');
    expect(whoIsOnCall(emea, undefined, at('2026-01-06T17:00:00Z'))).toBeUndefined();
    expect(whoIsOnCall(emea, overrides, at('2026-01-09T16:59:00Z'))?.person).toBe('dims'); // Friday
    expect(whoIsOnCall(emea, overrides, at('2026-01-10T12:00:00Z'))).toBeUndefined(); // Saturday
    expect(whoIsOnCall(emea, overrides, at('2026-01-12T11:00:00Z'))?.person).toBe('dims'); // Monday
    expect(whoIsOnCall(emea, overrides, at('2026-01-12T12:00:00Z'))?.person).toBe('ameukam');
    // British summer time: the window follows London's wall clock.
    expect(whoIsOnCall(emea, undefined, at('2026-07-01T08:00:00Z'))).toBeDefined();
    expect(whoIsOnCall(emea, undefined, at('2026-07-01T16:00:00Z'))).toBeUndefined();
  });

  it('a window on a day that skips midnight opens at the first valid instant (Santiago 2026-09-06)', () => {
    const nights = rotation({
      handoff: { time: '12:00', timezone: 'America/Santiago' },
      start: at('2026-09-01T12:00:00-04:00'),
      window: { days: ['sun'], start: '00:00', end: '06:00', timezone: 'America/Santiago' },
    });
    expect(whoIsOnCall(nights, undefined, at('2026-09-06T03:59:59Z'))).toBeUndefined();
    expect(whoIsOnCall(nights, undefined, at('2026-09-06T04:00:00Z'))).toBeDefined(); // 01:00 -03
    expect(whoIsOnCall(nights, undefined, at('2026-09-06T08:59:59Z'))).toBeDefined();
    expect(whoIsOnCall(nights, undefined, at('2026-09-06T09:00:00Z'))).toBeUndefined(); // 06:00 -03
    expect(shifts(nights, undefined, at('2026-09-05T00:00:00Z'), at('2026-09-07T00:00:00Z')).map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2026-09-06T04:00:00.000Z', '2026-09-06T09:00:00.000Z'],
    ]);
  });

  it('a window crossing midnight belongs to the day it starts on', () => {
    const nights = rotation({
      handoff: { time: '12:00', timezone: 'Asia/Kolkata' },
      start: at('2026-01-01T12:00:00+05:30'),
      window: { days: ['fri'], start: '22:00', end: '06:00', timezone: 'Asia/Kolkata' },
    });
    expect(whoIsOnCall(nights, undefined, at('2026-01-02T16:29:59Z'))).toBeUndefined(); // Fri 21:59 IST
    expect(whoIsOnCall(nights, undefined, at('2026-01-02T16:30:00Z'))).toBeDefined();
    expect(whoIsOnCall(nights, undefined, at('2026-01-03T00:29:59Z'))).toBeDefined(); // Sat 05:59 IST
    expect(whoIsOnCall(nights, undefined, at('2026-01-03T00:30:00Z'))).toBeUndefined();
    expect(whoIsOnCall(nights, undefined, at('2026-01-03T18:00:00Z'))).toBeUndefined(); // Sat 23:30 IST
  });

  it('prepared look-ups take epoch milliseconds too', () => {
    const prepared = prepareRotation(registry);
    expect(prepared.personAt(at('2026-01-13T00:00:00Z').getTime())).toBe('bentheelder');
    expect(prepared.whoIsOnCall(at('2026-01-13T00:00:00Z').getTime())?.person).toBe('bentheelder');
    expect(prepareRotation(registry)).toBe(prepared);
  });
});
