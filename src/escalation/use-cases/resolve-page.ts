import { defaultMayResolve, resolve, type ResolveResult } from '../domain/escalation-engine.ts';
import type { PageLocks } from '../page-locks.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';

export interface ResolvePageDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  locks: PageLocks;
  /** Who besides the acknowledger may resolve a page of the subproject: its owners and the group's leads. */
  resolvers(subprojectId: string): { owners: readonly string[]; leads: readonly string[] };
  metrics: Pick<PagingMetrics, 'pageSettled'>;
}

/** A person resolves a page from Slack, if the domain's rule lets them (refusal is a result, not an error). */
export async function resolvePage(deps: ResolvePageDeps, input: { pageId: string; by: string }, now: Date): Promise<ResolveResult | undefined> {
  const { pageId, by } = input;
  const before = await deps.pages.load(pageId);
  if (!before) return undefined;
  const may = defaultMayResolve(deps.resolvers(before.subprojectId));
  const out = await deps.locks.with(pageId, () =>
    deps.pages.transition(pageId, now, (s) => resolve(s, by, now, may), {
      audit: (r) => (r.kind === 'resolved' ? { actor: by, action: 'page.resolved', payload: { via: 'slack' } } : undefined),
    }),
  );
  if (out?.committed) deps.metrics.pageSettled(out.result.state);
  return out?.result;
}
