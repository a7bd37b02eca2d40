import type { OnCallDeps } from '../platform/app-deps.ts';
import type { PagingApi } from '../escalation/api.ts';
import type { Severity as PageSeverity } from '../escalation/domain/directory.ts';
import type { IncidentPager } from './ports/incident-tracker.ts';
import type { Severity } from './domain/incident.ts';

const PAGE_SEVERITY: Record<Severity, PageSeverity> = { SEV1: 'critical', SEV2: 'error', SEV3: 'warning', SEV4: 'info' };

export interface EnginePager extends IncidentPager {
  /** When the page was acknowledged (through Slack or PagerDuty), if it was. */
  acknowledgedAt(pageId: string): Promise<Date | undefined>;
}

/**
 * Incident pages go through the paging engine (escalation policy, PagerDuty, Slack buttons), so
 * an incident page is acknowledged and escalated like any other. `key` makes a retried set-up
 * raise the same page.
 */
export function enginePager(deps: OnCallDeps, paging: () => PagingApi): EnginePager {
  const personId = (by: string) => deps.people.bySlackId(by)?.id ?? by;
  return {
    async page(subprojectId, severity, summary, details, by, key?: string) {
      const sev = PAGE_SEVERITY[severity as Severity] ?? 'error';
      const { page } = await paging().raise({ subprojectId, severity: sev, summary, details, createdBy: personId(by), key: key ?? `${subprojectId}:${summary}` }, deps.clock.now());
      const onCall = await deps.onCall.onCall(subprojectId, deps.clock.now());
      const notified = [onCall.primary, onCall.secondary].filter((p): p is string => p !== undefined).map((p) => deps.people.person(p)?.slack).filter((s): s is string => s !== undefined);
      return { pageId: page.id, notified };
    },
    async resolvePage(pageId, by) {
      // The incident's own rule (commander or lead) already allowed this; the page follows it.
      const r = await paging().resolveOnBehalf(pageId, personId(by), 'the incident was resolved', deps.clock.now());
      if (r && r.kind === 'not-allowed') throw new Error(r.message);
    },
    async acknowledgedAt(pageId) {
      const page = (await paging().openPages()).find((p) => p.id === pageId);
      return page?.acknowledgedAt ? new Date(page.acknowledgedAt) : undefined;
    },
  };
}
