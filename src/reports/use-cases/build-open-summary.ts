import { escapeInline } from '../../core/mrkdwn.ts';
import type { PagingApi } from '../../escalation/api.ts';
import type { IncidentsApi } from '../../incidents/api.ts';
import type { ReportContext, ReportMessage } from '../../platform/capability.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { openSummaryMessage, type OpenIncidentLine, type OpenPageLine, type Unknown } from '../views/open-summary.ts';

export interface OpenSummaryDeps {
  paging: () => Pick<PagingApi, 'openPages'>;
  incidents: () => Pick<IncidentsApi, 'openIncidents'>;
  people: Pick<PeopleDirectory, 'person' | 'mention'>;
}

/** Another capability's api, or undefined (and `missing` called) when this bot does not run it. */
function reach<T>(api: () => T, missing: () => void): T | undefined {
  try {
    return api();
  } catch {
    missing();
    return undefined;
  }
}

/** `open-summary`: the open pages and incidents, through their capabilities' apis. */
export async function buildOpenSummary(deps: OpenSummaryDeps, ctx: ReportContext): Promise<ReportMessage> {
  const unknown: Unknown = {};
  const paging = reach(deps.paging, () => (unknown.pages = 'Paging is not running on this bot: open pages unknown.'));
  const incidentsApi = reach(deps.incidents, () => (unknown.incidents = 'Incidents are not running on this bot: open incidents unknown.'));
  // A failed read throws: the job retries rather than posting a summary that says "none".
  const pages: OpenPageLine[] = (paging ? await paging.openPages() : [])
    .filter((p) => p.status !== 'resolved')
    .map((p) => ({
      id: p.id,
      subprojectId: p.subprojectId,
      severity: p.severity,
      summary: p.summary,
      status: p.status === 'acknowledged' ? 'acknowledged' : 'triggered',
      createdAt: new Date(p.createdAt),
      ...(p.acknowledgedBy ? { acknowledgedBy: deps.people.person(p.acknowledgedBy) ? deps.people.mention(p.acknowledgedBy) : escapeInline(p.acknowledgedBy) } : {}),
    }));
  const incidents: OpenIncidentLine[] = incidentsApi ? [...(await incidentsApi.openIncidents())] : [];
  return openSummaryMessage({ now: ctx.now, timezone: ctx.timezone, pages, incidents, unknown });
}
