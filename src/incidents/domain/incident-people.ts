import type { Incident, IncidentRole } from './incident.ts';

type People = Pick<Incident, 'commander' | 'declarer' | 'roles'>;

/** Everyone an incident names (Slack ids): commander, declarer, comms, scribe. */
export function peopleOfIncident(incident: People): string[] {
  return [...new Set([incident.commander, incident.declarer, ...Object.values(incident.roles).filter((v): v is string => typeof v === 'string')])];
}

/** A person's parts in an incident, commander first; `declarer` when that is all they are. */
export function rolesOf(incident: People, slackId: string): (IncidentRole | 'declarer')[] {
  const roles: (IncidentRole | 'declarer')[] = [];
  if (incident.commander === slackId) roles.push('commander');
  for (const [role, who] of Object.entries(incident.roles) as [Exclude<IncidentRole, 'commander'>, string | undefined][]) if (who === slackId) roles.push(role);
  if (roles.length === 0 && incident.declarer === slackId) roles.push('declarer');
  return roles;
}
