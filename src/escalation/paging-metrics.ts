import { Counter, Histogram, type Registry } from 'prom-client';

export interface PagingMetrics {
  timeToAcknowledge: Histogram<'subproject' | 'severity'>;
  timeToResolve: Histogram<'subproject' | 'severity'>;
  pages: Counter<'subproject' | 'severity'>;
  notifications: Counter<'outcome'>;
  pagerCalls: Counter<'action' | 'outcome'>;
}

const BUCKETS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];

/** Registered once per registry (handlers may be registered twice on one registry in tests). */
export function pagingMetrics(registry: Registry): PagingMetrics {
  const existing = (name: string) => registry.getSingleMetric(name);
  const histogram = (name: string, help: string) =>
    (existing(name) as Histogram<'subproject' | 'severity'> | undefined) ??
    new Histogram({ name, help, labelNames: ['subproject', 'severity'] as const, buckets: BUCKETS, registers: [registry] });
  return {
    timeToAcknowledge: histogram('k8s_infra_bot_page_time_to_acknowledge_seconds', 'Time from a page being raised to its acknowledgement, by subproject and severity'),
    timeToResolve: histogram('k8s_infra_bot_page_time_to_resolve_seconds', 'Time from a page being raised to its resolution, by subproject and severity'),
    pages:
      (existing('k8s_infra_bot_pages_total') as Counter<'subproject' | 'severity'> | undefined) ??
      new Counter({ name: 'k8s_infra_bot_pages_total', help: 'Pages raised, by subproject and severity', labelNames: ['subproject', 'severity'] as const, registers: [registry] }),
    notifications:
      (existing('k8s_infra_bot_page_notifications_total') as Counter<'outcome'> | undefined) ??
      new Counter({ name: 'k8s_infra_bot_page_notifications_total', help: 'Page notifications by outcome (sent, dropped because acknowledged/resolved)', labelNames: ['outcome'] as const, registers: [registry] }),
    pagerCalls:
      (existing('k8s_infra_bot_pager_calls_total') as Counter<'action' | 'outcome'> | undefined) ??
      new Counter({ name: 'k8s_infra_bot_pager_calls_total', help: 'PagerDuty Events API calls by action and outcome', labelNames: ['action', 'outcome'] as const, registers: [registry] }),
  };
}
