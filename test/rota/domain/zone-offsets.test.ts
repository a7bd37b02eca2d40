import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { ZoneOffsets, minutesOfDay, zoneOffsets } from '../../../src/rota/domain/zone-offsets.ts';
import { at } from './rotation-builders.ts';

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago', 'Australia/Lord_Howe', 'UTC'];
const wall = (text: string) => Date.parse(`${text}Z`); // a wall-clock reading as ms

describe('ZoneOffsets', () => {
  it('agrees with luxon at random instants 1970-2100 in every test zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 4_102_444_800_000 }), (zone, t) => {
        expect(zoneOffsets(zone).offsetAt(t)).toBe(IANAZone.create(zone).offset(t) * 60_000);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the exact transition instants of Santiago 2026 (midnight changes)', () => {
    const transitions = zoneOffsets('America/Santiago').transitionsIn(at('2026-01-01T00:00:00Z').getTime(), at('2027-01-01T00:00:00Z').getTime());
    expect(transitions.map((t) => [new Date(t.at).toISOString(), t.before / 3_600_000, t.after / 3_600_000])).toEqual([
      ['2026-04-05T03:00:00.000Z', -3, -4],
      ['2026-09-06T04:00:00.000Z', -4, -3],
    ]);
  });

  it('has no transitions in Kolkata', () => {
    expect(zoneOffsets('Asia/Kolkata').transitionsIn(0, at('2030-01-01T00:00:00Z').getTime())).toEqual([]);
    expect(zoneOffsets('Asia/Kolkata').offsetAt(at('2026-07-01T00:00:00Z').getTime())).toBe(5.5 * 3_600_000);
  });

  it.each([
    // zone, wall reading, first, last
    ['America/Los_Angeles', '2026-03-08T02:30:00', '2026-03-08T10:00:00Z', '2026-03-08T10:00:00Z'], // skipped: transition (03:00 PDT)
    ['America/Los_Angeles', '2026-11-01T01:30:00', '2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z'], // repeated
    ['America/Los_Angeles', '2026-07-01T09:00:00', '2026-07-01T16:00:00Z', '2026-07-01T16:00:00Z'],
    ['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:00:00Z', '2026-03-29T01:00:00Z'],
    ['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'],
    ['Europe/Berlin', '2026-10-25T03:00:00', '2026-10-25T02:00:00Z', '2026-10-25T02:00:00Z'],
    ['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:00:00Z', '2026-10-03T16:00:00Z'],
    ['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T15:30:00Z', '2026-04-04T16:30:00Z'],
    ['Asia/Kolkata', '2026-03-08T02:30:00', '2026-03-07T21:00:00Z', '2026-03-07T21:00:00Z'],
    ['America/Santiago', '2026-09-06T00:00:00', '2026-09-06T04:00:00Z', '2026-09-06T04:00:00Z'], // midnight does not exist
    ['America/Santiago', '2026-09-06T00:30:00', '2026-09-06T04:00:00Z', '2026-09-06T04:00:00Z'],
    ['America/Santiago', '2026-04-04T23:30:00', '2026-04-05T02:30:00Z', '2026-04-05T03:30:00Z'], // 23:xx repeats
    ['America/Santiago', '2026-04-05T00:00:00', '2026-04-05T04:00:00Z', '2026-04-05T04:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-04T02:15:00', '2026-10-03T15:30:00Z', '2026-10-03T15:30:00Z'], // 30-minute gap
    ['Australia/Lord_Howe', '2026-04-05T01:45:00', '2026-04-04T14:45:00Z', '2026-04-04T15:15:00Z'], // 30-minute repeat
  ])('%s %s resolves to first %s, last %s', (zone, reading, first, last) => {
    const resolved = new ZoneOffsets(zone).resolve(wall(reading));
    expect([new Date(resolved.first).toISOString(), new Date(resolved.last).toISOString()]).toEqual([
      new Date(first).toISOString(),
      new Date(last).toISOString(),
    ]);
  });

  it('rejects an unknown zone and malformed times', () => {
    expect(() => new ZoneOffsets('Mars/Olympus_Mons')).toThrow(/IANA/);
    expect(minutesOfDay('09:30')).toBe(570);
    expect(() => minutesOfDay('24:00')).toThrow();
    expect(() => minutesOfDay('9am')).toThrow();
  });
});
