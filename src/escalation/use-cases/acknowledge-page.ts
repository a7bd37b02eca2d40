import { acknowledge, notAllowed, type AcknowledgeResult } from '../domain/escalation-engine.ts';
import { mayAcknowledge, recordedName, type PageActor, type PageResponders, type Permission } from '../domain/page-permissions.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import { peopleOfPage } from '../domain/page-people.ts';
import type { PageAuditTrail } from '../ports/page-audit.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';
import { recordRefusal } from '../refusals.ts';

export interface AcknowledgePageDeps {
  pages: Pick<PageStore, 'transition'>;
  respondersFor(subprojectId: string): PageResponders;
  audit: PageAuditTrail;
  metrics: Pick<PagingMetrics, 'pageSettled'>;
  home: HomeRefresher;
}

/**
 * Someone takes the page from Slack, if the policy lets them (asked on the page as committed, so a
 * step that notified them a moment ago counts). Idempotent: a second click (or Slack's retry)
 * changes nothing and says who was first. A refusal changes nothing, so the escalation goes on;
 * it is audited. `now` is when they clicked. Undefined when there is no such page.
 */
export async function acknowledgePage(deps: AcknowledgePageDeps, input: { pageId: string; actor: PageActor }, now: Date): Promise<AcknowledgeResult | undefined> {
  const { pageId, actor } = input;
  let refused: Extract<Permission, { allowed: false }> | undefined;
  const out = await deps.pages.transition(
    pageId,
    now,
    (s) => {
      const may = mayAcknowledge(s, actor, deps.respondersFor(s.subprojectId));
      refused = may.allowed ? undefined : may;
      return may.allowed ? acknowledge(s, recordedName(actor), now) : notAllowed(s, may.message);
    },
    { audit: (r) => (r.kind === 'acknowledged' ? { actor: recordedName(actor), action: 'page.acknowledged', payload: { via: 'slack' } } : undefined) },
  );
  if (refused) await recordRefusal(deps.audit, { subject: `page:${pageId}`, actor, action: 'acknowledge', reason: refused.reason }, now);
  if (out?.committed) deps.metrics.pageSettled(out.result.state);
  if (out?.committed) deps.home.refresh(peopleOfPage(out.result.state));
  return out?.result;
}
