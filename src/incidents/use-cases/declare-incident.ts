import type { Clock } from '../../core/clock.ts';
import { audit, schedule } from '../../platform/outbox/effects.ts';
import { stableId } from '../../platform/slack/stable-id.ts';
import type { Incident } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { ReminderMinutes } from '../domain/reminder-rule.ts';
import { githubDelivery } from '../jobs/record-on-github.ts';
import { nextReminder } from '../jobs/remind-commander.ts';
import { setUpIncidentJob } from '../jobs/set-up-incident.ts';
import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import { peopleOfIncident } from '../domain/incident-people.ts';
import type { IncidentStore } from '../ports/incident-store.ts';

/** What the declare form gives; the id comes from the submission's key. */
export type DeclareRequest = Omit<lifecycle.DeclareInput, 'id'>;

export interface DeclareIncidentDeps {
  incidents: Pick<IncidentStore, 'declare' | 'get'>;
  reminderMinutes: ReminderMinutes;
  clock: Clock;
  home: HomeRefresher;
}

/**
 * Records the incident with its set-up, its GitHub issue and its first reminder as jobs, in one
 * transaction. One incident per `key` (the modal's view id): a retried submission finds the first.
 */
export async function declareIncident(deps: DeclareIncidentDeps, request: DeclareRequest, key: string): Promise<{ incident: Incident; created: boolean }> {
  const now = deps.clock.now();
  const id = stableId('inc-', key);
  const { incident, entries } = lifecycle.declareIncident({ ...request, id }, now);
  const created = await deps.incidents.declare(incident, entries, [
    audit({ at: now, actor: request.declarer, action: 'incident.declared', subject: `incident:${id}`, payload: { title: incident.title, severity: incident.severity, services: incident.services, commander: incident.commander, page: incident.page } }),
    schedule(setUpIncidentJob.request({ id: `incident-setup:${id}`, dueAt: now, payload: { incidentId: id } })),
    githubDelivery(`incident-github:${id}:create`, { incidentId: id, action: 'create' }, now),
    nextReminder(incident, deps.reminderMinutes, 0),
  ]);
  if (created) deps.home.refresh(peopleOfIncident(incident));
  return { incident: created ? incident : ((await deps.incidents.get(id)) ?? incident), created };
}
