import { apiKey } from '../platform/capability.ts';

/** An open incident as other capabilities see it (a change on a service in one is flagged). */
export interface OpenIncident {
  id: string;
  title: string;
  /** SEV1 … SEV4 */
  severity: string;
  /** Service ids (or out-of-scope ids such as `prow`). */
  services: readonly string[];
  commanderSlackId: string;
  /** The incident's channel, once created. */
  channelId: string | null;
  declaredAt: Date;
}

export interface IncidentsApi {
  /** Incidents not yet resolved, oldest first. */
  openIncidents(): Promise<OpenIncident[]>;
  /**
   * A line on an open incident's timeline written on the caller's authority, once per key,
   * audited as `actorSlackId` (a contact reveal). False when the incident is resolved or unknown.
   */
  noteOnTimeline(incidentId: string, note: { key: string; text: string; actorSlackId: string }, now: Date): Promise<boolean>;
}

export const INCIDENTS_API = apiKey<IncidentsApi>('incidents');
