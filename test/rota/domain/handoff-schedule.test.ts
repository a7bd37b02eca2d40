import { describe, expect, it } from 'vitest';
import { HandoffSchedule, firstHandoff } from '../../../src/rota/domain/handoff-schedule.ts';
import { prepareRotation } from '../../../src/rota/domain/prepared-cache.ts';
import type { Rotation } from '../../../src/rota/domain/types.ts';
import { at, rotation } from './rotation-builders.ts';

/** Start instants of shifts k..k+n-1 as ISO strings. */
function starts(r: Rotation, k: number, n: number): string[] {
  const schedule = new HandoffSchedule(r);
  return Array.from({ length: n }, (_, i) => new Date(schedule.startOf(k + i)).toISOString());
}

describe('handoffs follow the wall clock across DST', () => {
  it('America/Los_Angeles: 02:30 on 2026-03-08 does not exist, the handoff is at 03:00 PDT', () => {
    const r = rotation({ handoff: { time: '02:30', timezone: 'America/Los_Angeles' }, start: at('2026-03-06T02:30:00-08:00') });
    expect(starts(r, 0, 4)).toEqual([
      '2026-03-06T10:30:00.000Z',
      '2026-03-07T10:30:00.000Z',
      '2026-03-08T10:00:00.000Z', // first valid instant after 02:30: 03:00 PDT
      '2026-03-09T09:30:00.000Z', // 02:30 PDT
    ]);
  });

  it('America/Los_Angeles: weekly 09:00 handoff moves from 17:00Z to 16:00Z', () => {
    const r = rotation({ shift: { length: 1, unit: 'weeks' }, handoff: { time: '09:00', timezone: 'America/Los_Angeles' }, start: at('2026-03-02T09:00:00-08:00') });
    expect(starts(r, 0, 2)).toEqual(['2026-03-02T17:00:00.000Z', '2026-03-09T16:00:00.000Z']);
  });

  it('America/Los_Angeles: 01:30 on 2026-11-01 happens twice; the shift starts at the first and the previous ends at the last', () => {
    const r = rotation({ handoff: { time: '01:30', timezone: 'America/Los_Angeles' }, start: at('2026-10-31T01:30:00-07:00') });
    const schedule = new HandoffSchedule(r);
    expect(new Date(schedule.startOf(1)).toISOString()).toBe('2026-11-01T08:30:00.000Z'); // 01:30 PDT
    expect(new Date(schedule.lastOccurrenceOf(1)).toISOString()).toBe('2026-11-01T09:30:00.000Z'); // 01:30 PST
    expect(new Date(schedule.startOf(2)).toISOString()).toBe('2026-11-02T09:30:00.000Z');
  });

  it('Europe/Berlin: 02:30 is skipped on 2026-03-29 and repeated on 2026-10-25', () => {
    const spring = rotation({ handoff: { time: '02:30', timezone: 'Europe/Berlin' }, start: at('2026-03-28T02:30:00+01:00') });
    expect(starts(spring, 0, 3)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']);
    const autumn = rotation({ handoff: { time: '02:30', timezone: 'Europe/Berlin' }, start: at('2026-10-24T02:30:00+02:00') });
    const schedule = new HandoffSchedule(autumn);
    expect([schedule.startOf(1), schedule.lastOccurrenceOf(1)].map((t) => new Date(t).toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
    ]);
  });

  it('Australia/Sydney: DST starts on the first Sunday of October (2026-10-04), 02:30 -> 03:00 AEDT', () => {
    const r = rotation({ handoff: { time: '02:30', timezone: 'Australia/Sydney' }, start: at('2026-10-03T02:30:00+10:00') });
    expect(starts(r, 0, 3)).toEqual(['2026-10-02T16:30:00.000Z', '2026-10-03T16:00:00.000Z', '2026-10-04T15:30:00.000Z']);
  });

  it('Australia/Sydney: DST ends on the first Sunday of April (2026-04-05), 02:30 repeats', () => {
    const r = rotation({ handoff: { time: '02:30', timezone: 'Australia/Sydney' }, start: at('2026-04-04T02:30:00+11:00') });
    const schedule = new HandoffSchedule(r);
    expect([schedule.startOf(1), schedule.lastOccurrenceOf(1), schedule.startOf(2)].map((t) => new Date(t).toISOString())).toEqual([
      '2026-04-04T15:30:00.000Z',
      '2026-04-04T16:30:00.000Z',
      '2026-04-05T16:30:00.000Z',
    ]);
  });

  it('Asia/Kolkata: no DST, every daily handoff is 24 h apart at 03:30Z', () => {
    const r = rotation({ handoff: { time: '09:00', timezone: 'Asia/Kolkata' }, start: at('2026-01-01T09:00:00+05:30') });
    const schedule = new HandoffSchedule(r);
    for (let k = 0; k < 400; k++) expect(schedule.startOf(k + 1) - schedule.startOf(k)).toBe(86_400_000);
    expect(new Date(schedule.startOf(180)).toISOString()).toBe('2026-06-30T03:30:00.000Z');
  });

  it('America/Santiago: midnight does not exist on 2026-09-06, the handoff is at 01:00 -03', () => {
    const r = rotation({ handoff: { time: '00:00', timezone: 'America/Santiago' }, start: at('2026-09-05T00:00:00-04:00') });
    expect(starts(r, 0, 3)).toEqual([
      '2026-09-05T04:00:00.000Z',
      '2026-09-06T04:00:00.000Z', // 01:00 -03, so the shift before lasts 24 h of real time
      '2026-09-07T03:00:00.000Z',
    ]);
  });

  it('America/Santiago: DST ends at 24:00 on 2026-04-04, so 23:30 happens twice and midnight once', () => {
    const late = rotation({ handoff: { time: '23:30', timezone: 'America/Santiago' }, start: at('2026-04-03T23:30:00-03:00') });
    const schedule = new HandoffSchedule(late);
    expect([schedule.startOf(1), schedule.lastOccurrenceOf(1)].map((t) => new Date(t).toISOString())).toEqual([
      '2026-04-05T02:30:00.000Z',
      '2026-04-05T03:30:00.000Z',
    ]);
    const midnight = rotation({ handoff: { time: '00:00', timezone: 'America/Santiago' }, start: at('2026-04-04T00:00:00-03:00') });
    expect(starts(midnight, 0, 2)).toEqual(['2026-04-04T03:00:00.000Z', '2026-04-05T04:00:00.000Z']); // a 25-hour shift
  });

  it('8-hour shifts keep their wall-clock phase across the LA spring-forward night', () => {
    const r = rotation({ shift: { length: 8, unit: 'hours' }, handoff: { time: '02:00', timezone: 'America/Los_Angeles' }, start: at('2026-03-07T02:00:00-08:00') });
    expect(starts(r, 2, 3)).toEqual([
      '2026-03-08T02:00:00.000Z', // 18:00 PST on the 7th
      '2026-03-08T10:00:00.000Z', // 02:00 is skipped: 03:00 PDT
      '2026-03-08T17:00:00.000Z', // 10:00 PDT
    ]);
  });

  it('indexAt finds the shift of an instant and -1 before the start', () => {
    const r = rotation({ shift: { length: 1, unit: 'weeks' }, handoff: { time: '09:00', timezone: 'Europe/Berlin' }, start: at('2026-01-05T09:00:00+01:00') });
    const schedule = new HandoffSchedule(r);
    expect(schedule.indexAt(at('2026-01-05T07:59:59.999Z').getTime())).toBe(-1);
    expect(schedule.indexAt(at('2026-01-05T08:00:00Z').getTime())).toBe(0);
    expect(schedule.indexAt(at('2026-03-30T06:59:59.999Z').getTime())).toBe(11); // Monday after Berlin springs forward
    expect(schedule.indexAt(at('2026-03-30T07:00:00Z').getTime())).toBe(12);
    expect(schedule.indexAt(at('2036-01-07T08:00:00Z').getTime())).toBe(522); // 3654 days later, a Monday
  });

  it('firstHandoff anchors on the local date of start at the handoff time', () => {
    expect(firstHandoff(rotation({ handoff: { time: '09:00', timezone: 'Europe/Berlin' }, start: at('2026-01-05T15:00:00Z') })).toISOString()).toBe(
      '2026-01-05T08:00:00.000Z',
    );
  });

  it('rejects a shift length that is not a positive integer', () => {
    expect(() => prepareRotation(rotation({ shift: { length: 0, unit: 'days' }, handoff: { time: '09:00', timezone: 'UTC' }, start: at('2026-01-01T09:00:00Z') }))).toThrow(/integer/);
  });
});
