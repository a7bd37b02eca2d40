import { describe, expect, it } from 'vitest';
import { DAY_MS, shadowActiveAt, shadowPeriod, shadowProblem, shadowsAt, spansOverlap, type Shadow } from '../../../src/rota/domain/shadow.ts';

const T0 = new Date('2026-11-24T03:12:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);
const shadow = (over: Partial<Shadow>): Shadow => ({ key: 'k', rotationId: 'storage-primary', personId: 'hh', from: at(0), until: at(14), reason: 'new owner of storage', ...over });

describe('shadow periods', () => {
  it('lasts whole days of 24 hours from its start, across a DST change (instants, not wall clocks)', () => {
    // Europe and the US leave summer time between these: a 14-day shadow is still 14 × 24 h.
    const start = new Date('2026-10-20T09:00:00+02:00');
    const p = shadowPeriod(start, 14);
    expect(p.from.toISOString()).toBe('2026-10-20T07:00:00.000Z');
    expect(p.until.toISOString()).toBe('2026-11-03T07:00:00.000Z');
    expect(p.until.getTime() - p.from.getTime()).toBe(14 * DAY_MS);
    // The same instant written in any zone gives the same period.
    expect(shadowPeriod(new Date('2026-10-20T00:00:00-07:00'), 14)).toEqual(shadowPeriod(new Date('2026-10-20T07:00:00Z'), 14));
  });

  it('runs from its start (inclusive) to its end (exclusive)', () => {
    const s = shadow({});
    expect(shadowActiveAt(s, new Date(T0.getTime() - 1))).toBe(false);
    expect(shadowActiveAt(s, T0)).toBe(true);
    expect(shadowActiveAt(s, at(14).getTime() - 1)).toBe(true);
    expect(shadowActiveAt(s, at(14))).toBe(false);
  });

  it('overlaps another span only when they share an instant: touching ends do not overlap', () => {
    expect(spansOverlap({ from: at(0), until: at(14) }, { from: at(13), until: at(20) })).toBe(true);
    expect(spansOverlap({ from: at(0), until: at(14) }, { from: at(14), until: at(20) })).toBe(false);
    expect(spansOverlap({ from: at(2), until: at(3) }, { from: at(0), until: at(14) })).toBe(true);
    expect(spansOverlap({ from: at(15), until: at(16) }, { from: at(0), until: at(14) })).toBe(false);
  });

  it('refuses a booking without a key, for an unknown rotation, ending before it starts, or longer than 90 days', () => {
    expect(shadowProblem(shadow({}), true)).toBeUndefined();
    expect(shadowProblem(shadow({ key: '' }), true)).toContain('key');
    expect(shadowProblem(shadow({ key: 'x'.repeat(256) }), true)).toContain('key');
    expect(shadowProblem(shadow({}), false)).toBe("unknown rotation 'storage-primary'");
    expect(shadowProblem(shadow({ until: at(0) }), true)).toBe('a shadow must end after it starts');
    expect(shadowProblem(shadow({ until: at(91) }), true)).toBe('a shadow lasts at most 90 days');
    expect(shadowProblem(shadow({ from: new Date(Number.NaN) }), true)).toBe('a shadow needs a start and an end');
  });
});

describe('who shadows at an instant', () => {
  const shadows: Shadow[] = [
    shadow({ key: 'a', personId: 'hh', rotationId: 'storage-primary', from: at(0), until: at(14) }),
    // hh again in another layer, later: one entry, the latest end.
    shadow({ key: 'b', personId: 'hh', rotationId: 'storage-secondary', from: at(1), until: at(20) }),
    shadow({ key: 'c', personId: 'jimangel', rotationId: 'storage-primary', from: at(-3), until: at(2) }),
    shadow({ key: 'd', personId: 'dims', rotationId: 'dns-primary', from: at(0), until: at(14) }),
  ];

  it('lists each person once, earliest shadow first, with the latest end of their running bookings', () => {
    expect(shadowsAt(shadows, ['storage-primary', 'storage-secondary'], at(1.5))).toEqual([
      { personId: 'jimangel', until: at(2), rotationIds: ['storage-primary'] },
      { personId: 'hh', until: at(20), rotationIds: ['storage-primary', 'storage-secondary'] },
    ]);
  });

  it('ends each shadow at its end: at the instant it ends only the others remain', () => {
    expect(shadowsAt(shadows, ['storage-primary', 'storage-secondary'], at(2)).map((s) => s.personId)).toEqual(['hh']);
    expect(shadowsAt(shadows, ['storage-primary'], at(14))).toEqual([]);
    expect(shadowsAt(shadows, ['storage-primary', 'storage-secondary'], at(14))).toEqual([{ personId: 'hh', until: at(20), rotationIds: ['storage-secondary'] }]);
    expect(shadowsAt(shadows, ['storage-primary', 'storage-secondary'], at(20))).toEqual([]);
  });

  it('keeps to the rotations asked about, and leaves out whoever is on call', () => {
    expect(shadowsAt(shadows, ['dns-primary'], at(1)).map((s) => s.personId)).toEqual(['dims']);
    expect(shadowsAt(shadows, ['dns-primary'], at(1), ['dims', undefined])).toEqual([]);
    expect(shadowsAt(shadows, [], at(1))).toEqual([]);
  });
});
