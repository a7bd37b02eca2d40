import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ServiceCheck } from './domain/aggregate-service.ts';
import { PROBE_STATES } from './domain/probe.ts';

export interface StatusMetrics {
  /** 1 for the state each service's latest check found, 0 for the others. */
  serviceState: Gauge<'service' | 'state'>;
  roundSeconds: Histogram;
  transitions: Counter<'service' | 'kind'>;
}

/** Registered once per registry (several bots share one registry in tests). */
export function statusMetrics(registry: Registry): StatusMetrics {
  const existing = (name: string) => registry.getSingleMetric(name);
  return {
    serviceState:
      (existing('k8s_infra_bot_status_service_state') as Gauge<'service' | 'state'> | undefined) ??
      new Gauge({ name: 'k8s_infra_bot_status_service_state', help: 'Latest checked state of each service (1 = current)', labelNames: ['service', 'state'] as const, registers: [registry] }),
    roundSeconds:
      (existing('k8s_infra_bot_status_round_seconds') as Histogram | undefined) ??
      new Histogram({ name: 'k8s_infra_bot_status_round_seconds', help: 'Duration of a scheduled status round (every probe of every service)', buckets: [0.1, 0.5, 1, 2, 5, 10, 30], registers: [registry] }),
    transitions:
      (existing('k8s_infra_bot_status_transitions_total') as Counter<'service' | 'kind'> | undefined) ??
      new Counter({ name: 'k8s_infra_bot_status_transitions_total', help: 'Confirmed state changes by service and kind (problem, change, recovery)', labelNames: ['service', 'kind'] as const, registers: [registry] }),
  };
}

export function recordChecks(metrics: StatusMetrics, checks: readonly ServiceCheck[]): void {
  for (const c of checks) for (const s of PROBE_STATES) metrics.serviceState.set({ service: c.serviceId, state: s }, c.state === s ? 1 : 0);
}

