import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { lazyConsensusDeadline } from '../../src/changes/domain/deadline.ts';
import { quietSpanOn } from '../../src/core/quiet-periods.ts';
import { workingDayDeadline, type OwnerCalendar } from '../../src/core/working-days-deadline.ts';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const auckland: OwnerCalendar = { zone: 'Pacific/Auckland', days: WEEK };
const losAngeles: OwnerCalendar = { zone: 'America/Los_Angeles', days: WEEK };
const london: OwnerCalendar = { zone: 'Europe/London', days: WEEK };
const easter = [{ name: 'Easter 2026', from: '2026-04-03', to: '2026-04-06' }];
const yearEnd = [{ name: 'Year-end holidays', from: '12-20', to: '01-03' }];

describe('the lazy-consensus deadline in working days', () => {
  it('is the end of the Nth working day for every owner: the latest wins (two timezones, a holiday, a DST change)', () => {
    const r = workingDayDeadline(new Date('2026-04-01T16:00:00Z'), 5, [auckland, losAngeles], easter);
    // Auckland (Thu 2 Apr 05:00 NZDT at the start): Fri 3 and Mon 6 are Easter; Tue 7 … Mon 13 are days 1 to 5.
    // Clocks there go back on Sun 5 Apr (+13 → +12): Tue 14 Apr 00:00 NZST is 12:00 UTC.
    expect(r.perOwner[0]!.toISOString()).toBe('2026-04-13T12:00:00.000Z');
    // Los Angeles (Wed 1 Apr 09:00 PDT): Thu 2, Tue 7, Wed 8, Thu 9, Fri 10; Sat 11 00:00 PDT is 07:00 UTC.
    expect(r.perOwner[1]!.toISOString()).toBe('2026-04-11T07:00:00.000Z');
    expect(r.deadline.toISOString()).toBe('2026-04-13T12:00:00.000Z');
    expect(r.withoutQuietDays.toISOString()).toBe('2026-04-09T12:00:00.000Z');
    expect(r.skipped.map((s) => s.name)).toEqual(['Easter 2026']);
  });

  it('never counts the day of the notice, however early it went out', () => {
    // 00:05 on Monday in London: Monday is not day 1.
    const r = workingDayDeadline(new Date('2026-06-01T00:05:00+01:00'), 1, [london], []);
    expect(r.deadline.toISOString()).toBe('2026-06-02T23:00:00.000Z'); // end of Tuesday, BST
  });

  it('skips weekends and the days an owner does not work', () => {
    const friday = new Date('2026-06-05T12:00:00Z');
    expect(workingDayDeadline(friday, 1, [london], []).deadline.toISOString()).toBe('2026-06-08T23:00:00.000Z'); // Monday
    const tueThu: OwnerCalendar = { zone: 'Europe/London', days: ['tue', 'thu'] };
    expect(workingDayDeadline(friday, 2, [tueThu], []).deadline.toISOString()).toBe('2026-06-11T23:00:00.000Z'); // Tue, Thu
  });

  it('moves a deadline that lands in a quiet period to after it, and says so', () => {
    // Thu 17 Dec: day 1 is Fri 18, then nothing counts until Mon 4 Jan.
    const d = lazyConsensusDeadline(new Date('2026-12-17T09:00:00Z'), 3, [london], yearEnd);
    expect(d.at.toISOString()).toBe('2027-01-06T00:00:00.000Z');
    expect(d.notes).toContain('Year-end holidays (20 Dec 2026 to 3 Jan 2027) is a quiet period: its days do not count.');
    expect(d.notes).toContain('Without the quiet period the deadline would have been Wed 23 Dec 2026 00:00 UTC; it moved to Wed 6 Jan 2027 00:00 UTC, the count resuming on the first working day after.');
    // A count that starts inside the quiet period starts after it.
    expect(workingDayDeadline(new Date('2026-12-28T12:00:00Z'), 1, [london], yearEnd).deadline.toISOString()).toBe('2027-01-05T00:00:00.000Z');
  });

  it('reads a quiet period in each owner’s own zone', () => {
    // 19 Dec 20:00 in Los Angeles is already 20 Dec in Auckland: Auckland's Friday 18 was its last day before the period.
    const r = workingDayDeadline(new Date('2026-12-18T20:00:00Z'), 1, [auckland, losAngeles], yearEnd);
    expect(r.perOwner[0]!.toISOString()).toBe('2027-01-04T11:00:00.000Z'); // Mon 4 Jan in Auckland (NZDT)
    expect(r.perOwner[1]!.toISOString()).toBe('2027-01-05T08:00:00.000Z'); // Mon 4 Jan in Los Angeles (PST)
  });

  it('ends a day 23 or 25 hours long at its local midnight (spring forward in Los Angeles)', () => {
    // Fri 6 Mar 2026; Mon 9 Mar is the first day after the clocks went forward on Sun 8 Mar.
    const r = workingDayDeadline(new Date('2026-03-06T18:00:00Z'), 1, [losAngeles], []);
    expect(r.deadline.toISOString()).toBe('2026-03-10T07:00:00.000Z'); // Tue 10 Mar 00:00 PDT
  });

  it('holds for any start, owners and length: everyone gets N full working days, and the deadline is a local midnight in no quiet day', () => {
    const zones = ['Pacific/Auckland', 'Asia/Kolkata', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'UTC'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.uniqueArray(fc.constantFrom(...zones), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (start, ownerZones, n) => {
          const owners = ownerZones.map((zone) => ({ zone, days: WEEK }));
          const r = workingDayDeadline(start, n, owners, yearEnd);
          expect(r.deadline.getTime()).toBe(Math.max(...r.perOwner.map((d) => d.getTime())));
          for (const [i, owner] of owners.entries()) {
            const end = DateTime.fromJSDate(r.perOwner[i]!, { zone: owner.zone });
            expect(end.hour * 60 + end.minute).toBe(0);
            // The last counted day (the one before the deadline) is a working day in no quiet period…
            const last = end.minus({ days: 1 });
            expect(last.weekday).toBeLessThanOrEqual(5);
            expect(quietSpanOn({ year: last.year, month: last.month, day: last.day }, yearEnd)).toBeUndefined();
            // …and at least n working days lie between the start's day and it.
            const first = DateTime.fromJSDate(start, { zone: owner.zone }).startOf('day').plus({ days: 1 });
            let counted = 0;
            for (let d = first; d < end; d = d.plus({ days: 1 })) if (d.weekday <= 5 && !quietSpanOn({ year: d.year, month: d.month, day: d.day }, yearEnd)) counted++;
            expect(counted).toBe(n);
          }
          expect(workingDayDeadline(start, n + 1, owners, yearEnd).deadline.getTime()).toBeGreaterThan(r.deadline.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});
