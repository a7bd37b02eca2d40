// Tests src/config/sections/rotations.ts (the rota owner's config section).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rotationSchema, toRotation } from '../../../src/rota/config.ts';
import { at, whoIsOnCall } from './rotation-builders.ts';

const example = parse(`
rotations:
  - id: registry-primary
    name: Registry primary
    participants: [ameukam, bentheelder, upodroid]
    shift: { length: 1, unit: weeks }
    handoff: { time: "09:00", timezone: America/Los_Angeles }
    start: "2026-01-05T09:00:00-08:00"
    window: { days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00", timezone: Europe/Berlin }
    secondary: next
  - id: registry-backup
    participants: [dims]
    shift: { length: 12, unit: hours }
    handoff: { time: "07:00", timezone: Asia/Kolkata }
    start: "2026-01-05T07:00:00+05:30"
    secondary: { rotation: registry-primary }
`) as { rotations: unknown[] };

const issues = (input: unknown) => {
  const result = rotationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const valid = example.rotations[1] as Record<string, unknown>;

describe('rotationSchema', () => {
  it('accepts the documented example and converts it to the domain form', () => {
    const [primary, backup] = example.rotations.map((r) => toRotation(rotationSchema.parse(r)));
    expect(primary).toEqual({
      id: 'registry-primary',
      name: 'Registry primary',
      participants: ['ameukam', 'bentheelder', 'upodroid'],
      shift: { length: 1, unit: 'weeks' },
      handoff: { time: '09:00', timezone: 'America/Los_Angeles' },
      start: at('2026-01-05T17:00:00Z'),
      window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timezone: 'Europe/Berlin' },
      secondary: 'next',
    });
    expect(backup).toMatchObject({ name: 'registry-backup', secondary: { rotation: 'registry-primary' } });
    expect(whoIsOnCall(primary!, undefined, at('2026-01-06T09:00:00Z'))?.person).toBe('ameukam');
  });

  it('reports invalid zones, times, lengths and participants at their paths', () => {
    expect(
      issues({
        ...valid,
        participants: ['dims', 'thockin', 'dims'],
        shift: { length: 0, unit: 'fortnights' },
        handoff: { time: '7:00', timezone: 'Asia/Bombay_Typo' },
        window: { days: [], start: '09:00', end: '25:00', timezone: 'Nowhere/Land' },
      }),
    ).toEqual([
      'participants.2: "dims" is listed twice',
      'shift.length: Too small: expected number to be >=1',
      'shift.unit: Invalid option: expected one of "hours"|"days"|"weeks"',
      'handoff.time: expected a time as HH:mm (24-hour)',
      'handoff.timezone: not a valid IANA timezone (e.g. Europe/Berlin)',
      'window.days: Too small: expected array to have >=1 items',
      'window.end: expected a time as HH:mm (24-hour)',
      'window.timezone: not a valid IANA timezone (e.g. Europe/Berlin)',
    ]);
    expect(issues({ ...valid, participants: [] })).toEqual(['participants: a rotation needs at least one participant']);
    expect(issues({ ...valid, shift: { length: 1.5, unit: 'days' } })).toHaveLength(1);
    expect(issues({ ...valid, extra: true })).toEqual([': Unrecognized key: "extra"']);
  });

  it('requires start to be a handoff and suggests the right one', () => {
    expect(issues({ ...valid, start: '2026-01-05T07:00:00Z' })).toEqual([
      'start: start must be a handoff (07:00 Asia/Kolkata); did you mean "2026-01-05T07:00:00+05:30"?',
    ]);
    expect(issues({ ...valid, start: '2026-01-05 07:00' })).toEqual(['start: expected an ISO 8601 date-time with offset, e.g. 2026-01-05T09:00:00-08:00']);
  });

  it('a start skipped by DST is the first valid instant after it', () => {
    const spring = { ...valid, handoff: { time: '02:30', timezone: 'America/Los_Angeles' } };
    expect(issues({ ...spring, start: '2026-03-08T03:00:00-07:00' })).toEqual([]);
    expect(issues({ ...spring, start: '2026-03-08T03:30:00-07:00' })).toHaveLength(1);
  });

  it('a rotation cannot be its own secondary', () => {
    expect(issues({ ...valid, secondary: { rotation: 'registry-backup' } })).toEqual(['secondary.rotation: a rotation cannot be its own secondary']);
    expect(issues({ ...valid, secondary: 'previous' })).toHaveLength(1);
  });
});
