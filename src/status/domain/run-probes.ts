import type { Clock } from '../../core/clock.ts';
import { describeError, type Probe, type ProbeResult, type ProbeVerdict } from './probe.ts';

export interface RunProbesOptions {
  /** Per probe; a probe still running after this reports `unknown`. */
  timeoutMs?: number;
  clock: Clock;
  /** Aborts every probe still running (shutdown). */
  signal?: AbortSignal;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 5000;

/**
 * Runs every probe at once, each under its own deadline. A probe that hangs or throws
 * becomes `unknown` with the reason and never delays the others: the answer comes within
 * `timeoutMs` (plus scheduling) however the probes behave. Results keep the input order.
 */
export function runProbes(probes: readonly Probe[], options: RunProbesOptions): Promise<ProbeResult[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  return Promise.all(probes.map((probe) => runOne(probe, timeoutMs, options.clock, options.signal)));
}

function runOne(probe: Probe, timeoutMs: number, clock: Clock, outer: AbortSignal | undefined): Promise<ProbeResult> {
  const started = clock.now();
  const controller = new AbortController();
  const finish = (v: ProbeVerdict): ProbeResult => {
    const checkedAt = clock.now();
    return {
      probeId: probe.id,
      label: probe.label,
      state: v.state,
      detail: v.detail,
      checkedAt,
      durationMs: Math.max(0, checkedAt.getTime() - started.getTime()),
    };
  };

  return new Promise<ProbeResult>((resolve) => {
    let settled = false;
    const settle = (v: ProbeVerdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
      // Tell a probe that is still working to stop; its late answer is ignored.
      if (!controller.signal.aborted) controller.abort();
      resolve(finish(v));
    };
    const timer = setTimeout(() => settle({ state: 'unknown', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    const onOuterAbort = () => settle({ state: 'unknown', detail: 'check cancelled' });
    if (outer?.aborted) {
      onOuterAbort();
      return;
    }
    outer?.addEventListener('abort', onOuterAbort, { once: true });

    let running: Promise<ProbeVerdict>;
    try {
      running = probe.run(controller.signal);
    } catch (error) {
      settle({ state: 'unknown', detail: `probe failed: ${describeError(error)}` });
      return;
    }
    Promise.resolve(running).then(
      (v) => settle(isVerdict(v) ? v : { state: 'unknown', detail: 'probe returned no verdict' }),
      (error: unknown) => settle({ state: 'unknown', detail: `probe failed: ${describeError(error)}` }),
    );
  });
}

function isVerdict(v: unknown): v is ProbeVerdict {
  if (typeof v !== 'object' || v === null) return false;
  const { state, detail } = v as { state?: unknown; detail?: unknown };
  return (state === 'ok' || state === 'degraded' || state === 'down' || state === 'unknown') && typeof detail === 'string';
}
