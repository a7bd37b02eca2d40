import { describe, expect, it } from 'vitest';
import { decideMissed, firingKey } from '../../../src/reports/domain/missed-firing.ts';

const MON_1 = new Date('2026-11-30T08:00:00Z');
const MON_2 = new Date('2026-12-07T08:00:00Z');

describe('a starting replica and the latest firing due', () => {
  it.each([
    ['never recorded', undefined, MON_2, 'post-late', { kind: 'baseline' }],
    ['never recorded, nothing due yet', undefined, undefined, 'skip', { kind: 'baseline' }],
    ['recorded, nothing due', MON_1, undefined, 'post-late', { kind: 'none' }],
    ['the due firing is the recorded one', MON_2, MON_2, 'post-late', { kind: 'none' }],
    ['a firing was missed: post late', MON_1, MON_2, 'post-late', { kind: 'post-late', slot: MON_2 }],
    ['a firing was missed: skip', MON_1, MON_2, 'skip', { kind: 'skip', slot: MON_2 }],
    ['the record is newer than what is due (a clock behind)', MON_2, MON_1, 'post-late', { kind: 'none' }],
  ] as const)('%s', (_, lastSlot, latestDue, missed, expected) => {
    expect(decideMissed({ lastSlot, latestDue, missed })).toEqual(expected);
  });

  it('every replica names a firing the same way', () => {
    expect(firingKey('weekly-oncall-digest', MON_2)).toBe('report:weekly-oncall-digest:2026-12-07T08:00:00.000Z');
  });
});
