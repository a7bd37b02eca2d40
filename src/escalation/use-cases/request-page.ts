import type { Severity } from '../domain/directory.ts';
import { joinPage } from '../domain/join-page.ts';
import { recordedName, type PageActor } from '../domain/page-permissions.ts';
import { admitPageRequest, type Admission } from '../domain/page-requests.ts';
import type { PageState } from '../domain/page-state.ts';
import type { PageAuditTrail } from '../ports/page-audit.ts';
import type { PageReports } from '../ports/page-reports.ts';
import type { PageStore } from '../ports/page-store.ts';
import { recordRefusal } from '../refusals.ts';
import { newPage, pageIdFor, type RaisePageDeps } from './raise-page.ts';

export interface RequestPageDeps extends Omit<RaisePageDeps, 'pages'> {
  pages: Pick<PageStore, 'load' | 'createUnlessOpen' | 'transition'>;
  reports: PageReports;
  audit: PageAuditTrail;
  /** Pages an hour for someone not in the config. */
  strangerPagesPerHour: number;
}

export interface PageRequest {
  subprojectId: string;
  severity: Severity;
  summary: string;
  details?: string;
  actor: PageActor;
  /** The Slack user id of whoever asked (what the limit counts). */
  slackId: string;
  /** Idempotency key: a Slack trigger id (command) or view id (form). */
  key: string;
}

export type PageRequestOutcome =
  | { kind: 'raised'; page: PageState }
  /** The subproject had an open page: the request is on its timeline, nobody was woken again. */
  | { kind: 'joined'; page: PageState }
  /** The same request again (Slack's retry, a double submit): what it did the first time. */
  | { kind: 'repeated'; page: PageState; outcome: 'raised' | 'joined' }
  | { kind: 'limited'; admission: Extract<Admission, { admitted: false }> };

/** A page that was resolved between being found open and being joined: look again, a few times at most. */
const JOIN_ATTEMPTS = 3;

/**
 * A person asks for a page (`/k8s-infra page`, the form). Anyone may; someone not in the config
 * only a few times an hour (counted in the database, so across replicas). A subproject that
 * already has an open page gets the request on that page's timeline and thread instead of a
 * second page that would wake people again.
 */
export async function requestPage(deps: RequestPageDeps, request: PageRequest, now: Date): Promise<PageRequestOutcome> {
  const { actor, key } = request;
  const admission = await deps.reports.admit(
    { key, reporter: request.slackId, ...(actor.kind === 'person' ? { personId: actor.id } : {}), subprojectId: request.subprojectId },
    now,
    (recentAt) => admitPageRequest(actor, recentAt, deps.strangerPagesPerHour, now),
  );
  if (admission.kind === 'limited') {
    await recordRefusal(deps.audit, { subject: `subproject:${request.subprojectId}`, actor, action: 'page', reason: 'rate-limited', details: { count: admission.admission.count, limit: admission.admission.limit } }, now);
    return admission;
  }
  if (admission.kind === 'seen' && admission.pageId && admission.outcome) {
    const page = await deps.pages.load(admission.pageId);
    if (page) return { kind: 'repeated', page, outcome: admission.outcome };
  }
  // New, or seen but not settled (the first attempt died half-way): both steps below are idempotent on the key.
  const createdBy = recordedName(actor);
  const raised = await deps.pages.load(pageIdFor(request.subprojectId, key));
  if (raised) {
    await deps.reports.settle(key, raised.id, 'raised');
    return { kind: 'repeated', page: raised, outcome: 'raised' };
  }
  const { transition, audit } = await newPage(deps, { subprojectId: request.subprojectId, severity: request.severity, summary: request.summary, details: request.details ?? '', createdBy, key }, now);
  for (let attempt = 1; ; attempt++) {
    const created = await deps.pages.createUnlessOpen(transition, now, audit);
    if (created.kind === 'created') {
      deps.metrics.pageRaised(transition.state);
      await deps.reports.settle(key, transition.state.id, 'raised');
      return { kind: 'raised', page: transition.state };
    }
    if (created.kind === 'exists') {
      const page = (await deps.pages.load(transition.state.id)) ?? transition.state;
      await deps.reports.settle(key, page.id, 'raised');
      return { kind: 'repeated', page, outcome: 'raised' };
    }
    const report = { key, by: createdBy, severity: request.severity, summary: request.summary, ...(request.details ? { details: request.details } : {}) };
    const joined = await deps.pages.transition(created.pageId, now, (s) => joinPage(s, report, now), {
      audit: (r) => (r.kind === 'joined' ? { actor: createdBy, action: 'page.joined', payload: { key, severity: request.severity, summary: request.summary } } : undefined),
    });
    if (joined && joined.result.kind !== 'closed') {
      await deps.reports.settle(key, created.pageId, 'joined');
      return { kind: 'joined', page: joined.result.state };
    }
    if (attempt >= JOIN_ATTEMPTS) throw new Error(`could not raise or join a page for ${request.subprojectId}: open pages kept closing`);
  }
}
