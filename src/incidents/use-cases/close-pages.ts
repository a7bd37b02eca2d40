import type { Clock } from '../../core/clock.ts';
import type { IncidentPager } from '../ports/incident-pager.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export interface ClosePagesDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'record'>;
  pager: Pick<IncidentPager, 'resolvePage'>;
  clock: Clock;
}

/** A resolved incident resolves its pages on behalf of `by`, each once; a refusal is noted, not retried. */
export async function closePages(deps: ClosePagesDeps, incidentId: string, by: string): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident) return;
  for (const [subprojectId, pageId] of Object.entries(incident.pages)) {
    const note = (text: string) => deps.incidents.record(incidentId, { entry: { at: deps.clock.now(), kind: 'note', actor: 'system', text }, dedupKey: `page-resolved:${pageId}` });
    try {
      await deps.pager.resolvePage(pageId, by);
      await note(`Page for ${subprojectId} resolved`);
    } catch (err) {
      // The page engine refused (e.g. a commander who is not an owner): say so where people look.
      await note(`Page for ${subprojectId} left open (${err instanceof Error ? err.message : String(err)}); an owner or lead should resolve it`);
    }
  }
  await refreshSummary(deps, incidentId);
}
