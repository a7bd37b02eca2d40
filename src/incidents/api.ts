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
}

export const INCIDENTS_API = apiKey<IncidentsApi>('incidents');
