import type { Incident } from '../domain/incident.ts';
import type { IncidentStore } from '../ports/incident-store.ts';

export interface ListIncidentsDeps {
  incidents: Pick<IncidentStore, 'listOpen' | 'byChannel' | 'get'>;
}

/** Open incidents, oldest first (for `incident list`, and to ask which one outside an incident channel). */
export function listOpenIncidents(deps: ListIncidentsDeps): Promise<Incident[]> {
  return deps.incidents.listOpen();
}

/** The incident whose channel this is, if any (resolved ones too: the answer says so). */
export function incidentOfChannel(deps: ListIncidentsDeps, channelId: string): Promise<Incident | undefined> {
  return deps.incidents.byChannel(channelId);
}

export function incidentById(deps: ListIncidentsDeps, incidentId: string): Promise<Incident | undefined> {
  return deps.incidents.get(incidentId);
}
