import { describe, expect, it } from 'vitest';
import type { ProbeState } from '../../../src/status/domain/probe.ts';
import { computeUptime, DAY_MS, formatUptime, uptimeByService, type CheckRecord } from '../../../src/status/domain/uptime.ts';

const now = new Date('2026-03-08T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
/** One check a minute for the last `minutes`, state chosen by minute-ago. */
const everyMinute = (serviceId: string, minutes: number, stateAt: (m: number) => ProbeState): CheckRecord[] =>
  Array.from({ length: minutes }, (_, i) => minutes - i).map((m) => ({ serviceId, state: stateAt(m), checkedAt: minutesAgo(m) }));

describe('computeUptime', () => {
  it('is 100% when every check is ok or degraded', () => {
    const records = everyMinute('registry', 24 * 60, (m) => (m % 7 === 0 ? 'degraded' : 'ok'));
    const u = computeUptime(records, { now, windowMs: DAY_MS });
    expect(u.ratio).toBe(1);
    expect(u.downMs).toBe(0);
  });

  it('weights by time: 36 down minutes in a day', () => {
    const records = everyMinute('registry', 24 * 60, (m) => (m > 100 && m <= 136 ? 'down' : 'ok'));
    const u = computeUptime(records, { now, windowMs: DAY_MS });
    expect(u.downMs).toBe(36 * 60_000);
    expect(u.ratio).toBeCloseTo(1 - 36 / 1440, 10);
    expect(formatUptime(u.ratio)).toBe('97.50%');
  });

  it('leaves unknown time and gaps without checks out of the ratio', () => {
    const records: CheckRecord[] = [
      { serviceId: 's', state: 'ok', checkedAt: minutesAgo(600) },
      // 15 minutes vouched for, then nothing until:
      { serviceId: 's', state: 'down', checkedAt: minutesAgo(60) },
      { serviceId: 's', state: 'unknown', checkedAt: minutesAgo(50) },
      { serviceId: 's', state: 'ok', checkedAt: minutesAgo(10) },
    ];
    const u = computeUptime(records, { now, windowMs: DAY_MS });
    expect(u.upMs).toBe((15 + 10) * 60_000);
    expect(u.downMs).toBe(10 * 60_000);
    expect(u.ratio).toBeCloseTo(25 / 35, 10);
    expect(u.unknownMs).toBe(DAY_MS - 35 * 60_000);
  });

  it('lets a check just before the window cover its start, and ignores future records', () => {
    const windowMs = 60 * 60_000;
    const records: CheckRecord[] = [
      { serviceId: 's', state: 'down', checkedAt: minutesAgo(65) },
      { serviceId: 's', state: 'ok', checkedAt: minutesAgo(55) },
      { serviceId: 's', state: 'down', checkedAt: new Date(now.getTime() + 60_000) },
    ];
    const u = computeUptime(records, { now, windowMs, maxGapMs: windowMs });
    expect(u.downMs).toBe(5 * 60_000);
    expect(u.upMs).toBe(55 * 60_000);
  });

  it('has no ratio without data', () => {
    expect(computeUptime([], { now, windowMs: DAY_MS })).toEqual({ ratio: null, upMs: 0, downMs: 0, unknownMs: DAY_MS });
    expect(formatUptime(null)).toBe('n/a');
  });

  it('never rounds real downtime up to 100%', () => {
    expect(formatUptime(0.99999)).toBe('99.99%');
    expect(formatUptime(1)).toBe('100%');
  });
});

describe('uptimeByService', () => {
  it('computes 24 h and 7 d per service', () => {
    const records = [
      ...everyMinute('registry', 7 * 24 * 60, (m) => (m > 2 * 24 * 60 && m <= 2 * 24 * 60 + 6 * 60 ? 'down' : 'ok')),
      ...everyMinute('dns', 60, () => 'ok'),
    ];
    const u = uptimeByService(records, now);
    expect(u.get('registry')!.day.ratio).toBe(1);
    expect(u.get('registry')!.week.ratio).toBeCloseTo(1 - 6 / (7 * 24), 10);
    expect(u.get('dns')!.week.ratio).toBe(1);
    expect([...u.keys()].sort()).toEqual(['dns', 'registry']);
  });
});
