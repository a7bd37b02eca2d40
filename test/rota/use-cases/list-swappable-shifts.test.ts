import { describe, expect, it } from 'vitest';
import { listSwappableShifts } from '../../../src/rota/use-cases/list-swappable-shifts.ts';
import { memoryRotaDeps } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:00Z';

describe('listSwappableShifts', () => {
  it('splits the next 12 weeks of the person’s rotations into theirs and the others’, soonest first', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const { mine, theirs } = await listSwappableShifts(deps, { personId: 'jimangel', now: clock.now() });
    // storage-primary: two-week shifts of [bentheelder, jimangel, ameukam] from 5 Jan 2026, Chicago.
    // Shift 23 (from 23 Nov, ameukam's) has started; 24 is bentheelder's, 25 jimangel's, … up to 16 Feb.
    expect(mine.map((o) => o.value)).toEqual(['storage-primary|2026-12-21T15:00:00.000Z', 'storage-primary|2027-02-01T15:00:00.000Z']);
    expect(theirs.map((o) => [o.value, o.holder])).toEqual([
      ['storage-primary|2026-12-07T15:00:00.000Z', 'Benjamin Elder'],
      ['storage-primary|2027-01-04T15:00:00.000Z', 'Arnaud Meukam'],
      ['storage-primary|2027-01-18T15:00:00.000Z', 'Benjamin Elder'],
      ['storage-primary|2027-02-15T15:00:00.000Z', 'Arnaud Meukam'],
    ]);
  });

  it('follows swaps already agreed', async () => {
    const { deps, store, clock } = memoryRotaDeps(T0);
    await store.insertSwap({ id: 's', rotationId: 'dns-primary', requester: 'ameukam', requesterShift: new Date('2026-12-07T08:00:00Z'), counterpart: 'dims', counterpartShift: new Date('2026-11-30T08:00:00Z') }, clock.now());
    await store.decideSwap('s', 'accepted', 'dims', clock.now());
    const { mine } = await listSwappableShifts(deps, { personId: 'dims', now: clock.now() });
    expect(mine[0]?.value).toBe('dns-primary|2026-12-07T08:00:00.000Z');
  });
});
