import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import type { Incident } from '../domain/incident.ts';
import { mayAct, refusalText, type IncidentAction, type IncidentActor } from '../domain/incident-policy.ts';

export interface AuthoriseDeps {
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
}

export type Authorisation = { allowed: true } | { allowed: false; reason: string };

/**
 * Asks the incident policy before anything changes; a refusal is audited (`incident.refused`)
 * and its reason returned for the listener to tell the person, only them (`name`: how the reason
 * names people, for a form's plain-text inline error).
 */
export async function authoriseIncidentAction(deps: AuthoriseDeps, incident: Incident, actor: IncidentActor, action: IncidentAction, name?: (slackId: string) => string): Promise<Authorisation> {
  if (mayAct(action, incident, actor)) return { allowed: true };
  const reason = refusalText(action, incident, name);
  await recordRefusal(deps, incident.id, actor, action, reason);
  return { allowed: false, reason };
}

/** Audits a refusal (also one the use case made on the incident as stored at write time). */
export async function recordRefusal(deps: AuthoriseDeps, incidentId: string, actor: IncidentActor, action: IncidentAction, reason: string): Promise<void> {
  try {
    await deps.audit.record({
      at: deps.clock.now(),
      actor: actor.slackId,
      action: 'incident.refused',
      subject: `incident:${incidentId}`,
      payload: { action, reason, isLead: actor.isLead, ownsAffectedService: actor.ownsAffectedService },
    });
  } catch (err) {
    // The person is still told; a refusal that could not be audited is logged instead.
    deps.log.warn({ err: err instanceof Error ? err.message : String(err), incident: incidentId, actor: actor.slackId, action }, 'could not audit a refused incident action');
  }
}
