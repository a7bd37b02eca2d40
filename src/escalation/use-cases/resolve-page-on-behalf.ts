import { resolve, type ResolveResult } from '../domain/escalation-engine.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';

export interface ResolvePageOnBehalfDeps {
  pages: Pick<PageStore, 'transition'>;
  metrics: Pick<PagingMetrics, 'pageSettled'>;
}

/**
 * Resolution by another capability acting on its own authority: a status probe that raised the
 * page and saw the service recover, or an incident resolved by its commander. The policy for
 * people (page-permissions.ts) does not apply; the reason is in the audit log.
 */
export async function resolvePageOnBehalf(deps: ResolvePageOnBehalfDeps, input: { pageId: string; actor: string; reason: string }, now: Date): Promise<ResolveResult | undefined> {
  const { pageId, actor, reason } = input;
  const out = await deps.pages.transition(pageId, now, (s) => resolve(s, actor, now), {
    audit: (r) => (r.kind === 'resolved' ? { actor, action: 'page.resolved', payload: { via: 'system', reason } } : undefined),
  });
  if (out?.committed) deps.metrics.pageSettled(out.result.state);
  return out?.result;
}
