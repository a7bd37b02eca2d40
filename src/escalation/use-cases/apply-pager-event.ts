import { applyExternalPagerEvent, pagerKnowsAlert } from '../domain/escalation-engine.ts';
import type { ExternalPagerEvent } from '../domain/pager-types.ts';
import type { PageAuditTrail } from '../ports/page-audit.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';
import { recordRefusal } from '../refusals.ts';

export interface ApplyPagerEventDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  audit: PageAuditTrail;
  metrics: Pick<PagingMetrics, 'pageSettled'>;
}

export type PagerEventOutcome = 'applied' | 'unchanged' | 'ignored';

/**
 * An acknowledgement or resolution made in PagerDuty (a verified webhook). Unknown pages are
 * `ignored` (the route still answers 2xx, so PagerDuty does not retry); a webhook delivered twice
 * is `unchanged` the second time. A page the bot never sent to PagerDuty (no routing key, or a
 * trigger PagerDuty rejected) cannot have been acted on there: the event is ignored and audited,
 * so a signed webhook cannot silence a page PagerDuty knows nothing of.
 */
export async function applyPagerEvent(deps: ApplyPagerEventDeps, event: ExternalPagerEvent, now: Date): Promise<PagerEventOutcome> {
  const exists = await deps.pages.load(event.pageId);
  if (!exists) return 'ignored';
  if (!pagerKnowsAlert(exists)) {
    await recordRefusal(
      deps.audit,
      { subject: `page:${event.pageId}`, actor: `pagerduty:${event.by}`, action: 'pager-event', reason: 'never-sent-to-pagerduty', details: { event: event.action, trigger: exists.pager.trigger, incidentId: event.incidentId, eventId: event.eventId } },
      now,
    );
    return 'ignored';
  }
  const out = await deps.pages.transition(
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
  );
  if (!out) return 'ignored';
  if (out.committed) deps.metrics.pageSettled(out.result.state);
  return out.committed ? 'applied' : 'unchanged';
}
