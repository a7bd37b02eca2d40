import type { Incident } from './incident.ts';

/** Only the commander or one of the group's leads closes an incident. */
export function mayResolve(incident: Pick<Incident, 'commander'>, userId: string, isLead: (id: string) => boolean): boolean {
  return incident.commander === userId || isLead(userId);
}

