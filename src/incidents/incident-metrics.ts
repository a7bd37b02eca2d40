import { Histogram, type Registry } from 'prom-client';

export interface IncidentMetrics {
  toAcknowledge: Histogram<'severity'>;
  toMitigate: Histogram<'severity'>;
  toResolve: Histogram<'severity'>;
}

const BUCKETS = [60, 300, 900, 1800, 3600, 2 * 3600, 4 * 3600, 12 * 3600, 24 * 3600, 72 * 3600];

/** Observed once per incident, when it is resolved (the times are final then). */
export function incidentMetrics(registry: Registry): IncidentMetrics {
  const make = (what: string) =>
    new Histogram({
      name: `k8s_infra_bot_incident_time_to_${what}_seconds`,
      help: `Seconds from declaring an incident to ${what === 'acknowledge' ? 'its acknowledgement' : what === 'mitigate' ? 'its mitigation (first monitoring update)' : 'its resolution'}, per severity`,
      labelNames: ['severity'],
      buckets: BUCKETS,
      registers: [registry],
    });
  return { toAcknowledge: make('acknowledge'), toMitigate: make('mitigate'), toResolve: make('resolve') };
}
