import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeCronSlots, nodeCronTicker } from '../../../src/reports/cron/node-cron-ticker.ts';
import { latestSlotAtOrBefore, nextSlotAfter } from '../../../src/reports/domain/cron-slots.ts';
import { pino } from 'pino';

// 09:00 Europe/Berlin on Mondays. Summer time ends Sun 25 Oct 2026 (CEST, UTC+2 → CET, UTC+1)
// and starts again Sun 28 Mar 2027 (CET → CEST).
const BERLIN_MONDAY_9 = nodeCronSlots('0 9 * * 1', 'Europe/Berlin');

describe('a 09:00 Europe/Berlin Monday schedule across DST changes', () => {
  it.each([
    ['the Monday before the October change (CEST)', '2026-10-18T12:00:00Z', '2026-10-19T07:00:00.000Z'],
    ['the Monday after the October change (CET)', '2026-10-24T12:00:00Z', '2026-10-26T08:00:00.000Z'],
    ['the Monday before the March change (CET)', '2027-03-21T12:00:00Z', '2027-03-22T08:00:00.000Z'],
    ['the Monday after the March change (CEST)', '2027-03-27T12:00:00Z', '2027-03-29T07:00:00.000Z'],
  ])('%s fires at 09:00 local', (_, after, expected) => {
    const slot = nextSlotAfter(BERLIN_MONDAY_9, new Date(after));
    expect(slot?.toISOString()).toBe(expected);
    // node-cron's own matcher agrees, and not an hour either side.
    expect(BERLIN_MONDAY_9.matches(slot!)).toBe(true);
    expect(BERLIN_MONDAY_9.matches(new Date(slot!.getTime() - 3_600_000))).toBe(false);
    expect(BERLIN_MONDAY_9.matches(new Date(slot!.getTime() + 3_600_000))).toBe(false);
  });

  it('finds the latest firing at or before an instant (what a starting replica compares)', () => {
    expect(latestSlotAtOrBefore(BERLIN_MONDAY_9, new Date('2026-10-26T07:59:59Z'))?.toISOString()).toBe('2026-10-19T07:00:00.000Z');
    expect(latestSlotAtOrBefore(BERLIN_MONDAY_9, new Date('2026-10-26T08:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(latestSlotAtOrBefore(BERLIN_MONDAY_9, new Date('2027-03-29T06:59:00Z'))?.toISOString()).toBe('2027-03-22T08:00:00.000Z');
  });

  it('a monthly and a yearly expression find slots weeks away', () => {
    const monthly = nodeCronSlots('0 15 1 * *', 'UTC');
    expect(latestSlotAtOrBefore(monthly, new Date('2026-12-01T14:00:00Z'))?.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    const yearly = nodeCronSlots('30 6 1 1 *', 'America/Los_Angeles');
    expect(nextSlotAfter(yearly, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2027-01-01T14:30:00.000Z');
  });

  it('a wall time that repeats in the October change is found at both instants; one skipped in March at none', () => {
    const daily0230 = nodeCronSlots('30 2 * * *', 'Europe/Berlin');
    // 25 Oct 2026: 02:30 CEST (00:30Z) and 02:30 CET (01:30Z).
    const first = nextSlotAfter(daily0230, new Date('2026-10-25T00:00:00Z'));
    expect(first?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(nextSlotAfter(daily0230, first!)?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(latestSlotAtOrBefore(daily0230, new Date('2026-10-25T01:00:00Z'))?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // 28 Mar 2027 has no 02:30 in Berlin.
    expect(nextSlotAfter(daily0230, new Date('2027-03-28T00:00:00Z'))?.toISOString()).not.toMatch(/^2027-03-28T00:30/);
  });
});

describe('node-cron fires the schedule at those instants', () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['after the October change', '2026-10-25T12:00:00Z', '2026-10-26T08:00:00.000Z'],
    ['after the March change', '2027-03-28T12:00:00Z', '2027-03-29T07:00:00.000Z'],
  ])('%s, on a fake clock', async (_, start, expected) => {
    vi.useFakeTimers({ now: new Date(start), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const fired: string[] = [];
    const ticking = nodeCronTicker(pino({ level: 'silent' })).create(
      { name: 'weekly-oncall-digest', cron: '0 9 * * 1', timezone: 'Europe/Berlin', report: 'oncall-digest', channel: 'wg-k8s-infra', missed: 'post-late' },
      async (slot) => {
        fired.push(slot.toISOString());
      },
    );
    ticking.start();
    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    await ticking.stop();
    expect(fired).toEqual([expected]);
  });
});
