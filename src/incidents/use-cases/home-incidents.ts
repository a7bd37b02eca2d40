import type { HomeViewer } from '../../platform/home/home-contract.ts';
import { rolesOf } from '../domain/incident-people.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { HomeIncidentView } from '../views/home-incidents.ts';

/** Open incidents the person is part of (commander, comms, scribe or declarer), oldest first. */
export async function homeIncidents(deps: { incidents: Pick<IncidentStore, 'listOpen'> }, viewer: HomeViewer): Promise<HomeIncidentView[]> {
  const out: HomeIncidentView[] = [];
  for (const i of await deps.incidents.listOpen()) {
    const roles = rolesOf(i, viewer.slackUserId);
    if (roles.length === 0) continue;
    out.push({ id: i.id, title: i.title, severity: i.severity, status: i.status, roles, channelId: i.channelId, commanderSlackId: i.commander });
  }
  return out;
}
