import { createHash } from 'node:crypto';
import type { RaisePageRequest } from '../api.ts';
import { startPage } from '../domain/escalation-engine.ts';
import { notifyLeadsWhenNobodyOnCall } from '../domain/notify-leads-when-nobody-on-call.ts';
import type { PageState } from '../domain/page-state.ts';
import type { EscalationPolicy } from '../domain/policy-schema.ts';
import type { DirectoryLookup } from '../ports/directory-lookup.ts';
import type { PageStore } from '../ports/page-store.ts';
import type { PagingMetrics } from '../ports/paging-metrics.ts';

export interface RaisePageDeps {
  pages: Pick<PageStore, 'load' | 'create'>;
  directoryFor: DirectoryLookup;
  policyFor(subprojectId: string): EscalationPolicy;
  /** Whether the subproject has a usable PagerDuty routing key. */
  hasPager(subprojectId: string): boolean;
  metrics: Pick<PagingMetrics, 'pageRaised'>;
}

/** The page id for a request: the same idempotency key always names the same page. */
export function pageIdFor(subprojectId: string, key: string): string {
  return `${subprojectId}-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

/**
 * Raises a page and runs its first step (the first notifications, the pager trigger, the channel
 * post, all as jobs). Idempotent on `input.key` (a Slack trigger id, a view id, an incident's key):
 * a retried request gets the page the first one raised, `created: false`.
 */
export async function raisePage(deps: RaisePageDeps, input: RaisePageRequest, now: Date): Promise<{ page: PageState; created: boolean }> {
  const id = pageIdFor(input.subprojectId, input.key);
  const existing = await deps.pages.load(id);
  if (existing) return { page: existing, created: false };
  const directory = await deps.directoryFor(input.subprojectId, now);
  const started = startPage(
    {
      id,
      subprojectId: input.subprojectId,
      severity: input.severity,
      summary: input.summary,
      details: input.details ?? '',
      createdBy: input.createdBy,
      policy: deps.policyFor(input.subprojectId),
      usePager: deps.hasPager(input.subprojectId),
    },
    now,
    directory,
  );
  const t = notifyLeadsWhenNobodyOnCall(started, directory, now);
  const created = await deps.pages.create(t, now, {
    actor: input.createdBy,
    action: 'page.created',
    payload: { subproject: input.subprojectId, severity: input.severity, summary: input.summary, policy: t.state.policy.id },
  });
  if (created) deps.metrics.pageRaised(t.state);
  // Lost a race with the same request on another replica: that one's page is the page.
  return { page: created ? t.state : ((await deps.pages.load(id)) ?? t.state), created };
}
