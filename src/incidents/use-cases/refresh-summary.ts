import type { Notifier } from '../../core/notifier.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { summaryMessage, type IncidentViewContext } from '../views/incident-messages.ts';

export interface RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline'>;
  notifier: Pick<Notifier, 'update'>;
  directory: { view: IncidentViewContext };
}

/** Rewrites the pinned summary from what is stored now (a no-op until set-up has posted it). */
export async function refreshSummary(deps: RefreshSummaryDeps, incidentId: string): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident?.channelId || !incident.summaryTs) return;
  const timeline = await deps.incidents.timeline(incidentId);
  await deps.notifier.update({ channel: incident.channelId, ts: incident.summaryTs }, summaryMessage(incident, timeline, deps.directory.view));
}
