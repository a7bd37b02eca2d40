import { acknowledge, type AcknowledgeResult } from '../domain/escalation-engine.ts';
import type { PageLocks } from '../page-locks.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';

export interface AcknowledgePageDeps {
  pages: Pick<PageStore, 'transition'>;
  locks: PageLocks;
  metrics: Pick<PagingMetrics, 'pageSettled'>;
}

/**
 * Someone takes the page from Slack. Idempotent: a second click (or Slack's retry) changes
 * nothing and says who was first. Committed under the page's lock, so no notification of this
 * replica is sent after it; undefined when there is no such page.
 */
export async function acknowledgePage(deps: AcknowledgePageDeps, input: { pageId: string; by: string }, now: Date): Promise<AcknowledgeResult | undefined> {
  const { pageId, by } = input;
  const out = await deps.locks.with(pageId, () =>
    deps.pages.transition(pageId, now, (s) => acknowledge(s, by, now), {
      audit: (r) => (r.kind === 'acknowledged' ? { actor: by, action: 'page.acknowledged', payload: { via: 'slack' } } : undefined),
    }),
  );
  if (out?.committed) deps.metrics.pageSettled(out.result.state);
  return out?.result;
}
