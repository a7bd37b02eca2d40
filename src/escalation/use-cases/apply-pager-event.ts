import { applyExternalPagerEvent } from '../domain/escalation-engine.ts';
import type { ExternalPagerEvent } from '../domain/pager-types.ts';
import type { PageLocks } from '../page-locks.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';

export interface ApplyPagerEventDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  locks: PageLocks;
  metrics: Pick<PagingMetrics, 'pageSettled'>;
}

export type PagerEventOutcome = 'applied' | 'unchanged' | 'ignored';

/**
 * An acknowledgement or resolution made in PagerDuty (a verified webhook). Unknown pages are
 * `ignored` (the route still answers 2xx, so PagerDuty does not retry); a webhook delivered twice
 * is `unchanged` the second time.
 */
export async function applyPagerEvent(deps: ApplyPagerEventDeps, event: ExternalPagerEvent, now: Date): Promise<PagerEventOutcome> {
  const exists = await deps.pages.load(event.pageId);
  if (!exists) return 'ignored';
  const out = await deps.locks.with(event.pageId, () =>
    deps.pages.transition(
      event.pageId,
      now,
      (s) => {
        const r = applyExternalPagerEvent(s, event, now);
        return r.kind === 'applied' ? r.result : { state: s, effects: [] };
      },
      {
        audit: () => ({
          actor: `pagerduty:${event.by}`,
          action: event.action === 'acknowledge' ? 'page.acknowledged' : 'page.resolved',
          payload: { via: 'pagerduty', incidentId: event.incidentId, eventId: event.eventId },
        }),
      },
    ),
  );
  if (!out) return 'ignored';
  if (out.committed) deps.metrics.pageSettled(out.result.state);
  return out.committed ? 'applied' : 'unchanged';
}
