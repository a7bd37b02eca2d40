import { notAllowed, resolve, type ResolveResult } from '../domain/escalation-engine.ts';
import { mayResolve, recordedName, type PageActor, type PageResponders, type Permission } from '../domain/page-permissions.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import { peopleOfPage } from '../domain/page-people.ts';
import type { PageAuditTrail } from '../ports/page-audit.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';
import { recordRefusal } from '../refusals.ts';

export interface ResolvePageDeps {
  pages: Pick<PageStore, 'transition'>;
  respondersFor(subprojectId: string): PageResponders;
  audit: PageAuditTrail;
  metrics: Pick<PagingMetrics, 'pageSettled'>;
  home: HomeRefresher;
}

/** A person resolves a page from Slack, if the policy lets them (a refusal is a result, audited, not an error). */
export async function resolvePage(deps: ResolvePageDeps, input: { pageId: string; actor: PageActor }, now: Date): Promise<ResolveResult | undefined> {
  const { pageId, actor } = input;
  let refused: Extract<Permission, { allowed: false }> | undefined;
  const out = await deps.pages.transition(
    pageId,
    now,
    (s) => {
      const may = mayResolve(s, actor, deps.respondersFor(s.subprojectId));
      refused = may.allowed ? undefined : may;
      return may.allowed ? resolve(s, recordedName(actor), now) : notAllowed(s, may.message);
    },
    { audit: (r) => (r.kind === 'resolved' ? { actor: recordedName(actor), action: 'page.resolved', payload: { via: 'slack' } } : undefined) },
  );
  if (refused) await recordRefusal(deps.audit, { subject: `page:${pageId}`, actor, action: 'resolve', reason: refused.reason }, now);
  if (out?.committed) deps.metrics.pageSettled(out.result.state);
  if (out?.committed) deps.home.refresh(peopleOfPage(out.result.state));
  return out?.result;
}
