import type { IncidentOnService } from '../domain/window-steps.ts';

/** Incidents open now (from the incidents capability's api), to flag a change on a service in one. */
export type OpenIncidents = () => Promise<IncidentOnService[]>;
