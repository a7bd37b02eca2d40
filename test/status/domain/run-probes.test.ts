import { describe, expect, it } from 'vitest';
import { ManualClock, type Clock } from '../../../src/core/clock.ts';
import type { Probe, ProbeVerdict } from '../../../src/status/domain/probe.ts';
import { runProbes } from '../../../src/status/domain/run-probes.ts';

const probe = (id: string, run: (signal: AbortSignal) => Promise<ProbeVerdict>): Probe => ({ id, type: 'test', label: `probe ${id}`, run });
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** Real elapsed time, read through a Clock so the runner stays clock-driven. */
const realClock = (): Clock & { elapsed(): number } => {
  const start = performance.now();
  const base = Date.parse('2026-03-01T12:00:00Z');
  return { now: () => new Date(base + (performance.now() - start)), elapsed: () => performance.now() - start };
};

describe('runProbes', () => {
  it('keeps input order and stamps each result from the injected clock', async () => {
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const results = await runProbes(
      [probe('a', async () => ({ state: 'ok', detail: 'fine' })), probe('b', async () => ({ state: 'degraded', detail: 'slow' }))],
      { clock },
    );
    expect(results).toEqual([
      { probeId: 'a', label: 'probe a', state: 'ok', detail: 'fine', checkedAt: new Date('2026-03-01T12:00:00Z'), durationMs: 0 },
      { probeId: 'b', label: 'probe b', state: 'degraded', detail: 'slow', checkedAt: new Date('2026-03-01T12:00:00Z'), durationMs: 0 },
    ]);
  });

  it('reports a hanging probe as unknown at its timeout and aborts it, without delaying the others', async () => {
    const clock = realClock();
    let sawAbort = false;
    const hang = probe('hang', (signal) => new Promise<ProbeVerdict>(() => signal.addEventListener('abort', () => (sawAbort = true))));
    const results = await runProbes([hang, probe('quick', () => after(10, { state: 'ok', detail: 'quick' }))], { clock, timeoutMs: 150 });
    expect(results[0]).toMatchObject({ probeId: 'hang', state: 'unknown', detail: 'no answer within 150 ms' });
    expect(results[1]).toMatchObject({ probeId: 'quick', state: 'ok' });
    expect(results[1]!.durationMs).toBeLessThan(100);
    expect(results[0]!.durationMs).toBeGreaterThanOrEqual(140);
    expect(sawAbort).toBe(true);
    // Loose bound: the hanging probe never settles, so any prompt answer proves the point; bench/status.bench.ts measures.
    expect(clock.elapsed()).toBeLessThan(2000);
  });

  it('turns a throwing probe (sync or async) and a malformed verdict into unknown with the reason', async () => {
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    const results = await runProbes(
      [
        probe('async', async () => {
          throw new Error('socket hang up\n    at stack');
        }),
        probe('sync', () => {
          throw new TypeError('cannot read x');
        }),
        probe('bad', async () => ({ state: 'fine', detail: 1 }) as unknown as ProbeVerdict),
      ],
      { clock },
    );
    expect(results.map((r) => [r.state, r.detail])).toEqual([
      ['unknown', 'probe failed: socket hang up'],
      ['unknown', 'probe failed: cannot read x'],
      ['unknown', 'probe returned no verdict'],
    ]);
  });

  it('answers 50 probes with 5 hanging within the timeout plus a small margin', async () => {
    const clock = realClock();
    const probes = Array.from({ length: 50 }, (_, i) =>
      i % 10 === 0 ? probe(`hang-${i}`, () => new Promise<ProbeVerdict>(() => {})) : probe(`p-${i}`, () => after(i, { state: 'ok', detail: 'ok' })),
    );
    const results = await runProbes(probes, { clock, timeoutMs: 200 });
    expect(results.filter((r) => r.state === 'unknown')).toHaveLength(5);
    expect(results.filter((r) => r.state === 'ok')).toHaveLength(45);
    expect(clock.elapsed()).toBeLessThan(2000);
  });

  it('stops everything when the outer signal aborts', async () => {
    const controller = new AbortController();
    const running = runProbes([probe('hang', () => new Promise<ProbeVerdict>(() => {}))], {
      clock: new ManualClock(0),
      timeoutMs: 60_000,
      signal: controller.signal,
    });
    controller.abort();
    expect((await running)[0]).toMatchObject({ state: 'unknown', detail: 'check cancelled' });
  });
});
