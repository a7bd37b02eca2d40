import type { OutOfScopeService, Service } from '../platform/config/sections/services.ts';
import type { Incident } from './domain/incident.ts';
import type { IncidentActor } from './domain/incident-policy.ts';
import type { IssueTextContext } from './domain/issue-text.ts';
import type { IncidentViewContext } from './views/incident-messages.ts';
import type { ServiceChoice } from './views/incident-modals.ts';

/** How incidents name services, owners and people, from the config's services and people. */
export interface IncidentDirectory {
  /** The services a declarer can pick: the group's own, then those other SIGs own. */
  serviceChoices(): ServiceChoice[];
  /** Subprojects of the affected services that the group runs (out-of-scope services have none). */
  subprojectsOf(incident: Pick<Incident, 'services'>): string[];
  /** For Slack views. */
  view: IncidentViewContext;
  /** Slack user id → `@github-login`, or the person's name, for GitHub text. */
  personName(slackId: string): string;
  /** For the GitHub issue and the review of one incident. */
  issueText(incident: Pick<Incident, 'services'>): IssueTextContext;
  /** The person asking, as the incident policy judges them (a lead, an owner of an affected service). */
  actor(slackId: string, incident: Pick<Incident, 'services'>): IncidentActor;
}

/** The people look-ups it needs (the platform's PeopleDirectory). */
export interface IncidentPeople {
  bySlackId(slackId: string): { name: string; github?: string | undefined } | undefined;
  isLead(slackId: string): boolean;
  isOwner(subprojectId: string, slackId: string): boolean;
}

/** The parts of the config it reads: services with their subprojects, and those other SIGs own. */
export interface IncidentDirectorySource {
  services: readonly Pick<Service, 'id' | 'name' | 'subproject'>[];
  outOfScope: readonly Pick<OutOfScopeService, 'id' | 'names' | 'sig' | 'channel'>[];
}

export function incidentDirectory(config: IncidentDirectorySource, people: IncidentPeople): IncidentDirectory {
  const serviceName = (id: string) => config.services.find((s) => s.id === id)?.name ?? config.outOfScope.find((o) => o.id === id)?.names[0] ?? id;
  const view: IncidentViewContext = {
    serviceName,
    outOfScope: (i) => config.outOfScope.filter((o) => i.services.includes(o.id)).map((o) => ({ name: o.names[0] ?? o.id, sig: o.sig, channel: o.channel })),
  };
  const personName = (slackId: string) => {
    const p = people.bySlackId(slackId);
    return p ? (p.github ? `@${p.github}` : p.name) : slackId;
  };
  const subprojectsOf = (incident: Pick<Incident, 'services'>) =>
    [...new Set(incident.services.map((s) => config.services.find((x) => x.id === s)?.subproject).filter((s): s is string => s !== undefined))];
  return {
    serviceChoices: () => [
      ...config.services.map((s) => ({ id: s.id, name: s.name })),
      ...config.outOfScope.map((o) => ({ id: o.id, name: o.names[0] ?? o.id, ownedBy: o.sig })),
    ],
    subprojectsOf,
    view,
    personName,
    issueText: (incident) => ({ serviceName, personName, outOfScope: view.outOfScope(incident) }),
    actor: (slackId, incident) => ({
      slackId,
      isLead: people.isLead(slackId),
      ownsAffectedService: subprojectsOf(incident).some((sp) => people.isOwner(sp, slackId)),
    }),
  };
}
