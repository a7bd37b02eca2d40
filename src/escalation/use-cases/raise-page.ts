import { createHash } from 'node:crypto';
import type { RaisePageRequest } from '../api.ts';
import type { Transition } from '../domain/effects.ts';
import { startPage } from '../domain/escalation-engine.ts';
import { notifyLeadsWhenNobodyOnCall } from '../domain/notify-leads-when-nobody-on-call.ts';
import type { PageState } from '../domain/page-state.ts';
import type { EscalationPolicy } from '../domain/policy-schema.ts';
import type { DirectoryLookup } from '../ports/directory-lookup.ts';
import type { PageAudit, PageStore } from '../ports/page-store.ts';
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

/** The new page of a request with its first step run (not written yet), and its audit entry. */
export async function newPage(deps: Omit<RaisePageDeps, 'pages' | 'metrics'>, input: RaisePageRequest, now: Date): Promise<{ transition: Transition; audit: PageAudit }> {
  const directory = await deps.directoryFor(input.subprojectId, now);
  const started = startPage(
    {
      id: pageIdFor(input.subprojectId, input.key),
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
  const transition = notifyLeadsWhenNobodyOnCall(started, directory, now);
  return {
    transition,
    audit: {
      actor: input.createdBy,
      action: 'page.created',
      payload: { subproject: input.subprojectId, severity: input.severity, summary: input.summary, policy: transition.state.policy.id },
    },
  };
}

/**
 * Raises a page and runs its first step (the first notifications, the pager trigger, the channel
 * post, all as jobs), for another capability (status, incidents). Idempotent on `input.key` (an
 * outage's or an incident's key): a retried request gets the page the first one raised,
 * `created: false`. People page through `requestPage`, which joins an open page instead.
 */
export async function raisePage(deps: RaisePageDeps, input: RaisePageRequest, now: Date): Promise<{ page: PageState; created: boolean }> {
  const id = pageIdFor(input.subprojectId, input.key);
  const existing = await deps.pages.load(id);
  if (existing) return { page: existing, created: false };
  const { transition, audit } = await newPage(deps, input, now);
  const created = await deps.pages.create(transition, now, audit);
  if (created) deps.metrics.pageRaised(transition.state);
  // Lost a race with the same request on another replica: that one's page is the page.
  return { page: created ? transition.state : ((await deps.pages.load(id)) ?? transition.state), created };
}
