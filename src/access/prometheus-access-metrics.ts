import { Counter, Histogram, type Registry } from 'prom-client';
import type { Transition } from './domain/access-request-lifecycle.ts';
import { accessMetricEvents } from './domain/access-metric-events.ts';

const HOUR = 3600;
const BUCKETS = [HOUR, 4 * HOUR, 12 * HOUR, 24 * HOUR, 3 * 24 * HOUR, 7 * 24 * HOUR, 14 * 24 * HOUR, 30 * 24 * HOUR];

/** Access's Prometheus metrics, on the bot's registry: requests, decisions and time to merge, per group. */
export function prometheusAccessMetrics(registry: Registry): (t: Transition) => void {
  const requests = new Counter({ name: 'k8s_infra_bot_access_requests_total', help: 'Access requests made (extensions included), by group', labelNames: ['group'] as const, registers: [registry] });
  const decisions = new Counter({ name: 'k8s_infra_bot_access_decisions_total', help: 'Access requests approved, denied or withdrawn, by group', labelNames: ['group', 'decision'] as const, registers: [registry] });
  const timeToMerge = new Histogram({ name: 'k8s_infra_bot_access_time_to_merge_seconds', help: 'Time from an access request to its pull request merged, by group', labelNames: ['group'] as const, buckets: BUCKETS, registers: [registry] });
  return (t) => {
    for (const e of accessMetricEvents(t)) {
      if (e.kind === 'requested') requests.inc({ group: e.group });
      else if (e.kind === 'decided') decisions.inc({ group: e.group, decision: e.decision });
      else timeToMerge.observe({ group: e.group }, e.seconds);
    }
  };
}
