/** The states a probe, and a service, can be in. */
export const PROBE_STATES = ['ok', 'degraded', 'down', 'unknown'] as const;
export type ProbeState = (typeof PROBE_STATES)[number];

/**
 * Worst first. `unknown` ranks below `degraded`: not being able to look is worth showing,
 * but a probe that sees real trouble must win over one that could not look.
 */
const SEVERITY: Record<ProbeState, number> = { down: 3, degraded: 2, unknown: 1, ok: 0 };

export function severityOf(state: ProbeState): number {
  return SEVERITY[state];
}

export function worstState(states: Iterable<ProbeState>): ProbeState | undefined {
  let worst: ProbeState | undefined;
  for (const s of states) if (worst === undefined || SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** What a probe found out, before the runner stamps it. */
export interface ProbeVerdict {
  state: ProbeState;
  /** One short line for people; never secrets. */
  detail: string;
}

export interface Probe {
  /** Stable key for stored results, e.g. `http:registry.k8s.io/v2/`. */
  readonly id: string;
  readonly type: string;
  /** Shown to people, e.g. `GET https://registry.k8s.io/v2/`. */
  readonly label: string;
  /** Must give up promptly once `signal` aborts. May throw: the runner turns that into `unknown`. */
  run(signal: AbortSignal): Promise<ProbeVerdict>;
}

export interface ProbeResult extends ProbeVerdict {
  probeId: string;
  label: string;
  checkedAt: Date;
  durationMs: number;
}

export function verdict(state: ProbeState, detail: string): ProbeVerdict {
  return { state, detail };
}

/** Error text for people: first line only, bounded, no stack. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}
