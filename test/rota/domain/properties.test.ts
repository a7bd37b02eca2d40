import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS } from '../../../src/core/working-hours.ts';
import { HandoffSchedule, firstHandoff } from '../../../src/rota/domain/handoff-schedule.ts';
import { PreparedLayers } from '../../../src/rota/domain/layers.ts';
import { PreparedRotation, type Piece } from '../../../src/rota/domain/prepare-rotation.ts';
import type { Override, Rotation, RotationWindow, Swap } from '../../../src/rota/domain/types.ts';
import { zoneOffsets } from '../../../src/rota/domain/zone-offsets.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'America/Santiago', 'Australia/Lord_Howe', 'UTC'] as const;
/** 2026 transitions of a zone: half the ranges are drawn around them. */
const transitionsOf = (zone: string) =>
  zoneOffsets(zone).transitionsIn(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z')).map((t) => t.at);
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin'];

const hhmm = fc.oneof(
  fc.constantFrom('00:00', '00:30', '01:00', '01:30', '01:45', '02:00', '02:15', '02:30', '03:00', '23:00', '23:30'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const shift = fc.oneof(
  fc.record({ length: fc.integer({ min: 1, max: 12 }), unit: fc.constant('hours' as const) }),
  fc.record({ length: fc.integer({ min: 1, max: 3 }), unit: fc.constant('days' as const) }),
  fc.record({ length: fc.integer({ min: 1, max: 2 }), unit: fc.constant('weeks' as const) }),
);
const windowArb: fc.Arbitrary<RotationWindow> = fc.record({
  days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  start: hhmm,
  end: hhmm,
  timezone: fc.constantFrom(...ZONES),
});
const YEAR_2026 = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') });
function rangeStart(zone: string): fc.Arbitrary<number> {
  const transitions = transitionsOf(zone);
  if (transitions.length === 0) return YEAR_2026;
  return fc.oneof(YEAR_2026, fc.tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * DAY, max: DAY })).map(([t, d]) => t + d));
}

interface Case {
  rotation: Rotation;
  overrides: Override[];
  swaps: Swap[];
  from: number;
  to: number;
  probes: number[];
}

function rotationArb(
  id: string,
  zone: string,
  withWindow: boolean,
  time: fc.Arbitrary<string> = hhmm,
  shiftArb: fc.Arbitrary<Rotation['shift']> = shift,
): fc.Arbitrary<(from: number) => Rotation> {
  return fc
    .record({
      participants: fc.shuffledSubarray(PEOPLE, { minLength: 1 }),
      shift: shiftArb,
      time,
      lead: fc.integer({ min: -DAY, max: 60 * DAY }),
      window: withWindow ? fc.option(windowArb, { nil: undefined, freq: 2 }) : fc.constant(undefined),
    })
    .map((r) => (from: number) => {
      const draft: Rotation = {
        id,
        name: id,
        participants: r.participants,
        shift: r.shift,
        handoff: { time: r.time, timezone: zone },
        start: new Date(from - r.lead),
        ...(r.window ? { window: r.window } : {}),
      };
      return { ...draft, start: firstHandoff(draft) };
    });
}

const overridesArb = fc.array(
  fc.record({ offset: fc.integer({ min: -3 * DAY, max: 15 * DAY }), length: fc.integer({ min: MIN, max: 5 * DAY }), person: fc.constantFrom('dims', 'thockin', ...PEOPLE) }),
  { maxLength: 6 },
);
const swapsArb = fc.array(
  fc.record({ ka: fc.integer({ min: 0, max: 120 }), kb: fc.integer({ min: 0, max: 120 }), pa: fc.constantFrom(...PEOPLE), pb: fc.constantFrom(...PEOPLE) }),
  { maxLength: 3 },
);

/**
 * Random cases hit a repeated hour rarely, so a third of them aim at one: a handoff time inside
 * the hour a fall-back repeats, shifts that land on that day, a range around it.
 */
function fallBackCase(zone: string) {
  const fallBacks = zoneOffsets(zone)
    .transitionsIn(Date.parse('2026-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'))
    .filter((t) => t.after < t.before);
  if (fallBacks.length === 0) return undefined;
  return fc.constantFrom(...fallBacks).chain((tr) =>
    fc.record({
      make: rotationArb(
        'r',
        zone,
        false,
        fc.integer({ min: 0, max: (tr.before - tr.after) / MIN - 1 }).map((m) => DateTime.fromMillis(tr.at + m * MIN, { zone }).toFormat('HH:mm')),
        fc.constantFrom<Rotation['shift']>({ length: 1, unit: 'days' }, { length: 1, unit: 'weeks' }, { length: 12, unit: 'hours' }, { length: 1, unit: 'hours' }),
      ),
      from: fc.integer({ min: tr.at - 2 * DAY, max: tr.at }),
      length: fc.integer({ min: 2 * HOUR, max: 4 * DAY }),
      // Long random overrides would mostly hide the handoff.
      overrides: fc.oneof(fc.constant<Array<{ offset: number; length: number; person: string }>>([]), overridesArb),
      swaps: swapsArb,
      probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 20, maxLength: 40 }),
    }),
  );
}

const caseArb = (withWindow: boolean): fc.Arbitrary<Case> =>
  fc
    .constantFrom(...ZONES)
    .chain((zone) => {
      const random = fc.record({
        make: rotationArb('r', zone, withWindow),
        from: rangeStart(zone),
        length: fc.integer({ min: HOUR, max: 14 * DAY }),
        overrides: overridesArb,
        swaps: swapsArb,
        probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 20, maxLength: 40 }),
      });
      const focused = fallBackCase(zone);
      return focused ? fc.oneof({ arbitrary: random, weight: 2 }, { arbitrary: focused, weight: 1 }) : random;
    })
    .map(({ make, from, length, overrides, swaps, probes }) => {
      const rotation = make(from);
      const schedule = new HandoffSchedule(rotation);
      const to = from + length;
      return {
        rotation,
        overrides: overrides.map((o) => ({ person: o.person, from: new Date(from + o.offset), to: new Date(from + o.offset + o.length) })),
        swaps: swaps.map((s) => ({ a: { person: s.pa, shiftStart: new Date(schedule.startOf(s.ka)) }, b: { person: s.pb, shiftStart: new Date(schedule.startOf(s.kb)) } })),
        from,
        to,
        probes: probes.map((p) => Math.floor(from + p * length)),
      };
    });

/** The piece whose primary interval holds t, by binary search; pieces are disjoint. */
function covering(pieces: readonly Piece[], t: number): Piece | undefined {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = pieces[mid]!;
    if (t < p.start) hi = mid - 1;
    else if (t >= p.primaryEnd) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** The nominal rule: among pieces with start <= t < end, the latest start is primary. */
function latestStart(pieces: readonly Piece[], t: number): Piece | undefined {
  let best: Piece | undefined;
  for (const p of pieces) if (p.start <= t && t < p.end && (!best || p.start > best.start)) best = p;
  return best;
}

function checkTimeline(
  pieces: readonly Piece[],
  personAt: (t: number) => string | undefined,
  isActive: (t: number) => boolean,
  c: { from: number; to: number; probes: readonly number[] },
): void {
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    expect(p.start).toBeLessThan(p.primaryEnd);
    expect(p.end).toBeGreaterThanOrEqual(p.primaryEnd);
    expect(p.primaryEnd > c.from && p.start < c.to).toBe(true);
    // whoIsOnCall agrees with shifts at every boundary.
    expect(personAt(p.start)).toBe(p.person);
    expect(personAt(p.primaryEnd - 1)).toBe(p.person);
    const next = pieces[i + 1];
    if (!next) continue;
    // Exactly one primary: primary intervals never overlap...
    expect(next.start).toBeGreaterThanOrEqual(p.primaryEnd);
    // ...and leave no instant of coverage out.
    if (next.start > p.primaryEnd) {
      expect(isActive(p.primaryEnd)).toBe(false);
      expect(isActive(next.start - 1)).toBe(false);
    }
  }
  for (const t of c.probes) {
    const piece = covering(pieces, t);
    expect(personAt(t)).toBe(piece?.person);
    expect(latestStart(pieces, t)?.person).toBe(piece?.person);
    if (!piece) expect(isActive(t)).toBe(false);
  }
}

/** First/last instant showing a wall reading, straight from luxon (independent of ZoneOffsets). */
function oracle(zone: string, wall: number): { first: number; last: number } {
  const z = IANAZone.create(zone);
  const off = (t: number) => z.offset(t) * MIN;
  const valid: number[] = [];
  const offsets = new Set<number>();
  for (let t = wall - 16 * HOUR; t <= wall + 16 * HOUR; t += 30 * MIN) offsets.add(off(t));
  for (const o of offsets) if (off(wall - o) === o) valid.push(wall - o);
  if (valid.length > 0) return { first: Math.min(...valid), last: Math.max(...valid) };
  for (let t = wall - 16 * HOUR; t < wall + 16 * HOUR; t += 30 * MIN) {
    const before = off(t);
    const after = off(t + 30 * MIN);
    if (before === after) continue;
    let lo = t;
    let hi = t + 30 * MIN;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (off(mid) === before) lo = mid;
      else hi = mid;
    }
    if (hi + before <= wall && wall < hi + after) return { first: hi, last: hi };
  }
  throw new Error(`no resolution for ${new Date(wall).toISOString()} in ${zone}`);
}

const wallText = (zone: string, t: number) => DateTime.fromMillis(t, { zone }).toFormat('yyyy-MM-dd HH:mm:ss.SSS');

describe('rota properties', () => {
  it('every instant has exactly one primary; shifts and whoIsOnCall agree; overlaps only at fall-back handoffs', () => {
    fc.assert(
      fc.property(caseArb(true), (c) => {
        const prepared = new PreparedRotation(c.rotation, { overrides: c.overrides, swaps: c.swaps });
        const pieces = prepared.pieces(c.from, c.to);
        checkTimeline(pieces, (t) => prepared.personAt(t), (t) => prepared.isActive(t), c);
        for (const p of pieces) {
          const onCall = prepared.whoIsOnCall(p.start);
          expect(onCall).toMatchObject({ person: p.person, why: p.why, shiftIndex: p.shiftIndex });
        }
        if (!c.rotation.window) {
          // Without a window, coverage is unbroken from the start (or `from`) to `to`.
          const lo = Math.max(c.from, c.rotation.start.getTime());
          if (lo < c.to) {
            expect(pieces[0]!.start).toBeLessThanOrEqual(lo);
            expect(pieces[pieces.length - 1]!.primaryEnd).toBeGreaterThanOrEqual(c.to);
            for (let i = 0; i + 1 < pieces.length; i++) expect(pieces[i + 1]!.start).toBe(pieces[i]!.primaryEnd);
          }
        }
        const zone = c.rotation.handoff.timezone;
        for (let i = 0; i < pieces.length; i++) {
          const p = pieces[i]!;
          if (p.end === p.primaryEnd) continue;
          // The extension is the repeated hour of a fall-back handoff, and nothing else.
          expect(p.why).not.toBe('override');
          expect(p.end - p.primaryEnd).toBeLessThanOrEqual(HOUR);
          const falls = zoneOffsets(zone).transitionsIn(p.primaryEnd - DAY, p.end + DAY).some((tr) => tr.after < tr.before);
          expect(falls).toBe(true);
          if (!c.rotation.window) expect(wallText(zone, p.end)).toBe(wallText(zone, p.primaryEnd));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('an override changes nothing outside its own window', () => {
    fc.assert(
      fc.property(
        caseArb(true),
        fc.record({ offset: fc.integer({ min: -DAY, max: 14 * DAY }), length: fc.integer({ min: MIN, max: 4 * DAY }) }),
        (c, o) => {
          const extra: Override = { person: 'zed', from: new Date(c.from + o.offset), to: new Date(c.from + o.offset + o.length) };
          const before = new PreparedRotation(c.rotation, { overrides: c.overrides, swaps: c.swaps });
          const after = new PreparedRotation(c.rotation, { overrides: [...c.overrides, extra], swaps: c.swaps });
          const a = extra.from.getTime();
          const b = extra.to.getTime();
          const instants = [...c.probes, a - 1, a, b - 1, b, ...before.pieces(c.from, c.to).flatMap((p) => [p.start, p.primaryEnd - 1])];
          for (const t of instants) {
            if (t >= a && t < b) expect(after.personAt(t)).toBe(before.isActive(t) ? 'zed' : undefined);
            else expect(after.personAt(t)).toBe(before.personAt(t));
          }
          checkTimeline(after.pieces(c.from, c.to), (t) => after.personAt(t), (t) => after.isActive(t), c);
        },
      ),
      { numRuns: 250 },
    );
  });

  it('handoffs are at the first instant showing the handoff wall time, or the first valid one after it', () => {
    fc.assert(
      fc.property(caseArb(false), fc.integer({ min: 0, max: 30 }), (c, extra) => {
        const schedule = new HandoffSchedule(c.rotation);
        const k0 = Math.max(0, schedule.indexAt(c.from)) + extra;
        for (let k = k0; k < k0 + 5; k++) {
          const expected = oracle(c.rotation.handoff.timezone, schedule.wall0 + k * schedule.step);
          expect(schedule.startOf(k)).toBe(expected.first);
          expect(schedule.lastOccurrenceOf(k)).toBe(expected.last);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shifts do not depend on the range asked for', () => {
    fc.assert(
      fc.property(caseArb(true), fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 3 * DAY }), (c, before, after) => {
        const prepared = new PreparedRotation(c.rotation, { overrides: c.overrides, swaps: c.swaps });
        const wide = prepared.pieces(c.from - before, c.to + after);
        const key = (p: Piece) => JSON.stringify(p);
        const wideKeys = new Set(wide.map(key));
        for (const p of prepared.pieces(c.from, c.to)) expect(wideKeys.has(key(p))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('nextHandoff is the first change of the person on call', () => {
    fc.assert(
      fc.property(caseArb(true), (c) => {
        const prepared = new PreparedRotation(c.rotation, { overrides: c.overrides, swaps: c.swaps });
        const horizon = 20 * DAY;
        const handoff = prepared.nextHandoff(new Date(c.from), horizon);
        const current = prepared.personAt(c.from);
        const until = handoff ? handoff.at.getTime() : c.from + horizon;
        if (handoff) {
          expect(handoff.from).toBe(current);
          expect(handoff.to).not.toBe(current);
          expect(prepared.personAt(until)).toBe(handoff.to);
          expect(prepared.personAt(until - 1)).toBe(current);
        }
        const spread = c.probes.map((t) => Math.min(until - 1, Math.floor(c.from + ((t - c.from) / (c.to - c.from)) * (until - c.from))));
        for (const t of spread) expect(prepared.personAt(t)).toBe(current);
      }),
      { numRuns: 200 },
    );
  });

  it('layers: the first layer with someone on call wins, and the layered timeline has one primary per instant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ZONES).chain((zone) => fc.tuple(rotationArb('layer', zone, true), overridesArb)), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...ZONES).chain(rangeStart),
        fc.integer({ min: HOUR, max: 10 * DAY }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 20, maxLength: 40 }),
        (specs, from, length, fractions) => {
          const to = from + length;
          const layers = specs.map(([make, overrides], i) => {
            const rotation = { ...make(from), id: `layer-${i}` };
            return new PreparedRotation(rotation, overrides.map((o) => ({ person: o.person, from: new Date(from + o.offset), to: new Date(from + o.offset + o.length) })));
          });
          const layered = new PreparedLayers(layers);
          const pieces = layered.pieces(from, to);
          const probes = fractions.map((f) => Math.floor(from + f * length));
          checkTimeline(pieces, (t) => layered.personAt(t), (t) => layers.some((l) => l.isActive(t)), { from, to, probes });
          const wideKeys = new Set(layered.pieces(from - DAY, to + DAY).map((p) => JSON.stringify(p)));
          for (const p of pieces) expect(wideKeys.has(JSON.stringify(p))).toBe(true);
          for (const t of probes) {
            const first = layers.findIndex((l) => l.personAt(t) !== undefined);
            const onCall = layered.whoIsOnCall(t);
            expect(onCall?.layer).toBe(first < 0 ? undefined : first);
            expect(onCall?.person).toBe(first < 0 ? undefined : layers[first]!.personAt(t));
            expect((covering(pieces, t) as (Piece & { layer: number }) | undefined)?.layer).toBe(onCall?.layer);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
