import { ACCESS_IDS } from '../access/ids.ts';
import { PAGING_IDS } from '../escalation/ids.ts';
import { INCIDENTS_IDS } from '../incidents/ids.ts';
import { ROTA_IDS } from '../rota/ids.ts';
import { STATUS_IDS } from '../status/ids.ts';

/** The platform's own ids (help's buttons). */
export const PLATFORM_IDS = {
  actions: { runExample: 'help.run_example' },
  callbacks: {},
} as const;

/** Transitional: the old single table, now assembled from each capability's ids.ts. */
export const ACTION_IDS = {
  help: PLATFORM_IDS.actions,
  rota: ROTA_IDS.actions,
  paging: PAGING_IDS.actions,
  access: ACCESS_IDS.actions,
  incidents: INCIDENTS_IDS.actions,
  status: STATUS_IDS.actions,
} as const;

export const CALLBACK_IDS = {
  rota: ROTA_IDS.callbacks,
  paging: PAGING_IDS.callbacks,
  access: ACCESS_IDS.callbacks,
  incidents: INCIDENTS_IDS.callbacks,
} as const;

/** Walks a nested id table into a flat list (for uniqueness and manifest checks). */
export function allIds(table: object): string[] {
  return Object.values(table).flatMap((v: unknown) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? allIds(v) : []));
}
