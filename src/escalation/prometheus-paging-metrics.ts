import { Counter, Histogram, type Registry } from 'prom-client';
import { pageMetrics } from './domain/page-metrics.ts';
import type { PagingMetrics } from './ports/paging-metrics.ts';

const BUCKETS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];

/**
 * Paging's Prometheus metrics, registered on the bot's registry when the capability is defined
 * (once per bot). The times come from the page state (domain/page-metrics.ts), not the clock.
 */
export function prometheusPagingMetrics(registry: Registry): PagingMetrics {
  const histogram = (name: string, help: string) => new Histogram({ name, help, labelNames: ['subproject', 'severity'] as const, buckets: BUCKETS, registers: [registry] });
  const timeToAcknowledge = histogram('k8s_infra_bot_page_time_to_acknowledge_seconds', 'Time from a page being raised to its acknowledgement, by subproject and severity');
  const timeToResolve = histogram('k8s_infra_bot_page_time_to_resolve_seconds', 'Time from a page being raised to its resolution, by subproject and severity');
  const pages = new Counter({ name: 'k8s_infra_bot_pages_total', help: 'Pages raised, by subproject and severity', labelNames: ['subproject', 'severity'] as const, registers: [registry] });
  const notifications = new Counter({
    name: 'k8s_infra_bot_page_notifications_total',
    help: 'Page notifications by outcome (sent, dropped because acknowledged/resolved)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const pagerCalls = new Counter({ name: 'k8s_infra_bot_pager_calls_total', help: 'PagerDuty Events API calls by action and outcome', labelNames: ['action', 'outcome'] as const, registers: [registry] });
  return {
    pageRaised: (page) => pages.inc({ subproject: page.subprojectId, severity: page.severity }),
    pageSettled(page) {
      const labels = { subproject: page.subprojectId, severity: page.severity };
      const figures = pageMetrics(page);
      // Observed once, on the change that got there: a page resolved straight from triggered has no time to acknowledge.
      if (page.status === 'acknowledged' && figures.timeToAcknowledgeSeconds !== undefined) timeToAcknowledge.observe(labels, figures.timeToAcknowledgeSeconds);
      if (page.status === 'resolved' && figures.timeToResolveSeconds !== undefined) timeToResolve.observe(labels, figures.timeToResolveSeconds);
    },
    notification: (outcome) => notifications.inc({ outcome }),
    pagerCall: (action, outcome) => pagerCalls.inc({ action, outcome }),
  };
}
