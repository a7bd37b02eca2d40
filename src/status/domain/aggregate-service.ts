import { severityOf, worstState, type ProbeResult, type ProbeState } from './probe.ts';

/** One service's result for one round of checks. */
export interface ServiceCheck {
  serviceId: string;
  state: ProbeState;
  detail: string;
  checkedAt: Date;
  probes: ProbeResult[];
}

/**
 * Worst probe wins: down > degraded > unknown > ok. The detail names the worst probe so a
 * one-line summary says why; a service without probes is unknown.
 */
export function aggregateService(serviceId: string, results: readonly ProbeResult[], now: Date): ServiceCheck {
  const state = worstState(results.map((r) => r.state));
  if (state === undefined) return { serviceId, state: 'unknown', detail: 'no probes configured', checkedAt: now, probes: [] };
  const checkedAt = new Date(Math.max(...results.map((r) => r.checkedAt.getTime())));
  return { serviceId, state, detail: summarize(state, results), checkedAt, probes: [...results] };
}

function summarize(state: ProbeState, results: readonly ProbeResult[]): string {
  if (results.length === 1) return results[0]!.detail;
  if (state === 'ok') return `all ${results.length} probes ok`;
  const bad = results.filter((r) => r.state !== 'ok').sort((a, b) => severityOf(b.state) - severityOf(a.state));
  const first = bad[0]!;
  const more = bad.length > 1 ? ` (+${bad.length - 1} more not ok)` : '';
  return `${first.label}: ${first.detail}${more}`;
}
