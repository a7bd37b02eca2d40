import type { Incident } from './incident.ts';

/**
 * Who may do what with an incident: pure predicates over the stored incident and the person
 * asking, called by the listener before anything changes and again by the use case on the
 * incident it writes (so a commander changed meanwhile is the one that counts).
 *
 * | action | allowed |
 * | --- | --- |
 * | post an update, add a message to the timeline (:pushpin:) | the incident's people (commander, comms, scribe, declarer), owners of an affected service's subproject, leads |
 * | assign a role, change the severity | the commander, leads; the declarer until the named commander has taken charge |
 * | resolve | the stored commander, leads |
 * | declare, list | anyone in the workspace |
 */

/** The person asking, as the policy needs to know them (the capability looks it up in infra.yaml). */
export interface IncidentActor {
  slackId: string;
  isLead: boolean;
  /** Owns (infra.yaml `subprojects[].owners`) the subproject of a service the incident affects. */
  ownsAffectedService: boolean;
}

export type IncidentAction = 'update' | 'pin' | 'assign-role' | 'change-severity' | 'resolve';

type Subject = Pick<Incident, 'commander' | 'declarer' | 'roles' | 'acknowledgedAt'>;

/**
 * The commander named has acted on the incident (an update, a role, a resolution): that is when
 * it counts as acknowledged. Until then the declarer may still hand the role to someone else.
 */
export function commanderHasTakenCharge(incident: Pick<Incident, 'acknowledgedAt'>): boolean {
  return incident.acknowledgedAt !== null;
}

function isCommander(incident: Subject, actor: IncidentActor): boolean {
  return incident.commander === actor.slackId;
}

/** Commander, comms, scribe or declarer. */
function isIncidentPerson(incident: Subject, actor: IncidentActor): boolean {
  return isCommander(incident, actor) || incident.declarer === actor.slackId || Object.values(incident.roles).includes(actor.slackId);
}

/** Steering: the commander and the leads, and the declarer while no commander has taken charge. */
function maySteer(incident: Subject, actor: IncidentActor): boolean {
  return isCommander(incident, actor) || actor.isLead || (incident.declarer === actor.slackId && !commanderHasTakenCharge(incident));
}

export function mayPostUpdate(incident: Subject, actor: IncidentActor): boolean {
  return isIncidentPerson(incident, actor) || actor.ownsAffectedService || actor.isLead;
}

export function mayAddToTimeline(incident: Subject, actor: IncidentActor): boolean {
  return mayPostUpdate(incident, actor);
}

export function mayAssignRole(incident: Subject, actor: IncidentActor): boolean {
  return maySteer(incident, actor);
}

export function mayChangeSeverity(incident: Subject, actor: IncidentActor): boolean {
  return maySteer(incident, actor);
}

/** Only the commander stored on the incident (set by someone allowed to) or a lead closes it. */
export function mayResolve(incident: Subject, actor: IncidentActor): boolean {
  return isCommander(incident, actor) || actor.isLead;
}

export function mayAct(action: IncidentAction, incident: Subject, actor: IncidentActor): boolean {
  switch (action) {
    case 'update':
      return mayPostUpdate(incident, actor);
    case 'pin':
      return mayAddToTimeline(incident, actor);
    case 'assign-role':
      return mayAssignRole(incident, actor);
    case 'change-severity':
      return mayChangeSeverity(incident, actor);
    case 'resolve':
      return mayResolve(incident, actor);
  }
}

/**
 * What a refused person is told: who may do it instead. mrkdwn by default; a form's inline error
 * is plain text, so it names the commander with `name`.
 */
export function refusalText(action: IncidentAction, incident: Subject, name: (slackId: string) => string = (id) => `<@${id}>`): string {
  const commander = name(incident.commander);
  switch (action) {
    case 'update':
      return `Only the incident's people (commander ${commander}, comms, scribe, the declarer), owners of an affected service and leads can post updates on this incident. Ask the commander to give you a role.`;
    case 'pin':
      return `Only the incident's people, owners of an affected service and leads can add messages to this incident's timeline; your :pushpin: was not added.`;
    case 'assign-role':
      return `Only the commander (${commander}) or a lead can change roles on this incident.`;
    case 'change-severity':
      return `Only the commander (${commander}) or a lead can change the severity of this incident.`;
    case 'resolve':
      return `Only the commander (${commander}) or a lead can resolve this incident.`;
  }
}
