import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RETRY_SCHEDULE, nextRetryAt } from '../../../src/escalation/domain/retry-schedule.ts';

const now = new Date('2026-11-24T03:12:00Z');
const after = (d: Date | undefined) => (d ? d.getTime() - now.getTime() : undefined);

describe('nextRetryAt', () => {
  it('doubles from 10 s with equal jitter and caps at 10 minutes', () => {
    const low = [1, 2, 3, 4, 5, 6, 7].map((a) => after(nextRetryAt(a, now, { random: () => 0 })));
    const high = [1, 2, 3, 4, 5, 6, 7].map((a) => after(nextRetryAt(a, now, { random: () => 0.999999 })));
    expect(low).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000]);
    expect(high).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000]);
  });

  it('gives up after maxAttempts', () => {
    expect(nextRetryAt(DEFAULT_RETRY_SCHEDULE.maxAttempts, now)).toBeUndefined();
    expect(nextRetryAt(2, now, { maxAttempts: 2 })).toBeUndefined();
  });

  it('never waits less than Retry-After', () => {
    expect(after(nextRetryAt(1, now, { random: () => 0, retryAfterMs: 30_000 }))).toBe(30_000);
  });

  it('stays within [half, full] of the capped exponential delay for any draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const ceiling = Math.min(DEFAULT_RETRY_SCHEDULE.capMs, DEFAULT_RETRY_SCHEDULE.baseMs * 2 ** (attempt - 1));
        const wait = after(nextRetryAt(attempt, now, { random: () => r }))!;
        return wait >= ceiling / 2 && wait <= ceiling;
      }),
    );
  });

  it('rejects nonsense attempts', () => {
    expect(() => nextRetryAt(0, now)).toThrow(RangeError);
  });
});
