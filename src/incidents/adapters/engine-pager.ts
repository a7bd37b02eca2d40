import type { Clock } from '../../core/clock.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { PageSeverity, PagingApi } from '../../escalation/api.ts';
import type { RotaApi } from '../../rota/api.ts';
import type { Severity } from '../domain/incident.ts';
import type { IncidentPager } from '../ports/incident-pager.ts';

const PAGE_SEVERITY: Record<Severity, PageSeverity> = { SEV1: 'critical', SEV2: 'error', SEV3: 'warning', SEV4: 'info' };

export interface EnginePagerDeps {
  paging: () => PagingApi;
  rota: () => RotaApi;
  people: Pick<PeopleDirectory, 'bySlackId' | 'person'>;
  clock: Clock;
}

/**
 * Incident pages go through the paging capability (escalation policy, PagerDuty, Slack buttons),
 * so an incident page is acknowledged and escalated like any other.
 */
export function enginePager(deps: EnginePagerDeps): IncidentPager {
  const personId = (by: string) => deps.people.bySlackId(by)?.id ?? by;
  return {
    async page({ subprojectId, severity, summary, details, by, key }) {
      const { page } = await deps.paging().raise({ subprojectId, severity: PAGE_SEVERITY[severity], summary, details, createdBy: personId(by), key }, deps.clock.now());
      const onCall = await deps.rota().onCall(subprojectId, deps.clock.now());
      const notified = [onCall.primary, onCall.secondary].filter((p): p is string => p !== undefined).map((p) => deps.people.person(p)?.slack).filter((s): s is string => s !== undefined);
      return { pageId: page.id, notified };
    },
    async resolvePage(pageId, by) {
      // The incident's own rule (commander or lead) already allowed this; the page follows it.
      const r = await deps.paging().resolveOnBehalf(pageId, personId(by), 'the incident was resolved', deps.clock.now());
      if (r && r.kind === 'not-allowed') throw new Error(r.message);
    },
    async acknowledgedAt(pageId) {
      const page = (await deps.paging().openPages()).find((p) => p.id === pageId);
      return page?.acknowledgedAt ? new Date(page.acknowledgedAt) : undefined;
    },
  };
}
