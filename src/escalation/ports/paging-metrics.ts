import type { PageState } from '../domain/page-state.ts';
import type { PagerAction, PagerOutcome } from '../domain/pager-types.ts';

/** What paging counts and times (Prometheus in production: ../prometheus-paging-metrics.ts). */
export interface PagingMetrics {
  pageRaised(page: PageState): void;
  /** A committed acknowledgement or resolution: observes the time it took. */
  pageSettled(page: PageState): void;
  notification(outcome: 'sent' | 'dropped'): void;
  pagerCall(action: PagerAction, outcome: PagerOutcome['kind']): void;
}
