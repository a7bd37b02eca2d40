import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBE_STATES, type ProbeState } from '../../../src/status/domain/probe.ts';
import { trackServiceState, type TrackedServiceState, type TrackResult } from '../../../src/status/domain/track-service-state.ts';

const t0 = Date.parse('2026-03-01T12:00:00Z');
const at = (minute: number) => new Date(t0 + minute * 60_000);

/** Feeds one state per minute and collects every result. */
function feed(states: ProbeState[], options = { pageOnDown: true, holdChecks: 2 }, start?: TrackedServiceState): TrackResult[] {
  let prev = start;
  return states.map((state, i) => {
    const r = trackServiceState(prev, { serviceId: 'registry', state, detail: `check ${i}: ${state}`, checkedAt: at(i) }, options);
    prev = r.next;
    return r;
  });
}

describe('trackServiceState', () => {
  it('establishes the first state after N checks without announcing an ok start', () => {
    const r = feed(['ok', 'ok', 'ok']);
    expect(r[0]!.next.state).toBeNull();
    expect(r[1]!.next).toMatchObject({ state: 'ok', since: at(0), pending: null });
    expect(r.map((x) => x.changed)).toEqual([null, null, null]);
  });

  it('announces a first state that is not ok', () => {
    const r = feed(['down', 'down']);
    expect(r[1]!.changed).toEqual({ serviceId: 'registry', kind: 'problem', from: null, to: 'down', since: at(0), at: at(1), detail: 'check 1: down' });
    expect(r[1]!.page).toEqual({ action: 'trigger', serviceId: 'registry', dedupKey: 'k8s-infra-status/registry', detail: 'check 1: down' });
  });

  it('emits exactly one transition for an outage and one for the recovery, and pages once each way', () => {
    const r = feed(['ok', 'ok', 'down', 'down', 'down', 'down', 'ok', 'ok', 'ok']);
    const changes = r.map((x) => x.changed).filter((c) => c !== null);
    expect(changes.map((c) => [c.kind, c.from, c.to, c.since.toISOString()])).toEqual([
      ['problem', 'ok', 'down', at(2).toISOString()],
      ['recovery', 'down', 'ok', at(6).toISOString()],
    ]);
    expect(r.map((x) => x.page?.action ?? null)).toEqual([null, null, null, 'trigger', null, null, null, 'resolve', null]);
    expect(r[8]!.next).toMatchObject({ state: 'ok', since: at(6), pageOpen: false });
  });

  it('damps flapping: a state seen on fewer than N consecutive checks never becomes official', () => {
    const r = feed(['ok', 'ok', 'down', 'ok', 'down', 'ok', 'degraded', 'ok']);
    expect(r.every((x) => x.changed === null && x.page === null)).toBe(true);
    expect(r.at(-1)!.next).toMatchObject({ state: 'ok', since: at(0), lastState: 'ok' });
  });

  it('keeps the streak start as `since` and counts a changing candidate afresh', () => {
    const r = feed(['ok', 'ok', 'degraded', 'down', 'down'], { pageOnDown: false, holdChecks: 2 });
    expect(r[3]!.next).toMatchObject({ state: 'ok', pending: 'down', pendingCount: 1, pendingSince: at(3) });
    expect(r[4]!.changed).toMatchObject({ kind: 'problem', from: 'ok', to: 'down', since: at(3) });
    expect(r[4]!.page).toBeNull();
  });

  it('does not page for services without pageOnDown, and calls degraded-to-down a change', () => {
    const r = feed(['degraded', 'degraded', 'down', 'down'], { pageOnDown: false, holdChecks: 2 });
    expect(r[1]!.changed?.kind).toBe('problem');
    expect(r[3]!.changed).toMatchObject({ kind: 'change', from: 'degraded', to: 'down' });
    expect(r.every((x) => x.page === null)).toBe(true);
  });

  it('keeps the page open when down turns into unknown, and resolves it on degraded', () => {
    const r = feed(['down', 'down', 'unknown', 'unknown', 'degraded', 'degraded']);
    expect(r.map((x) => x.page?.action ?? null)).toEqual([null, 'trigger', null, null, null, 'resolve']);
    expect(r[3]!.changed).toMatchObject({ kind: 'change', from: 'down', to: 'unknown' });
    expect(r[3]!.next.pageOpen).toBe(true);
  });

  it('with holdChecks 1 every change is immediate', () => {
    const r = feed(['ok', 'down', 'ok'], { pageOnDown: true, holdChecks: 1 });
    expect(r.map((x) => x.changed?.kind ?? null)).toEqual([null, 'problem', 'recovery']);
  });

  it('property: transitions alternate real changes, one per official change, and each held N checks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROBE_STATES), { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (states, hold) => {
        const results = feed(states, { pageOnDown: true, holdChecks: hold });
        let official: ProbeState | null = null;
        let pageOpen = false;
        results.forEach((r, i) => {
          const before = official;
          official = r.next.state;
          if (official !== before) {
            // Confirmed only after `hold` equal consecutive checks ending here.
            expect(states.slice(Math.max(0, i - hold + 1), i + 1)).toEqual(Array(hold).fill(official));
            expect(i + 1).toBeGreaterThanOrEqual(hold);
            if (!(before === null && official === 'ok')) expect(r.changed).toMatchObject({ from: before, to: official });
          } else expect(r.changed).toBeNull();
          if (r.page?.action === 'trigger') {
            expect(pageOpen).toBe(false);
            pageOpen = true;
          }
          if (r.page?.action === 'resolve') {
            expect(pageOpen).toBe(true);
            pageOpen = false;
          }
          expect(r.next.pageOpen).toBe(pageOpen);
        });
      }),
    );
  });
});
