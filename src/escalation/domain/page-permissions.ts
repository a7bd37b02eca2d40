import type { PageState } from './page-state.ts';

/*
 * Who may act on a page. Pages are posted in public channels of a workspace with many thousands
 * of members, so a click is only as trustworthy as the policy behind it: a stranger's
 * Acknowledge would stop the escalation and nobody would be woken.
 *
 *   action       | allowed for
 *   acknowledge  | the people the page notified, the subproject's owners, its rotations' participants, the leads
 *   escalate     | the same
 *   resolve      | whoever acknowledged it (in Slack), the owners, the participants, the leads
 *
 * Anyone else, and everyone not in the config, is refused. Raising a page is open to all (see
 * page-reports.ts for the limits on people not in the config).
 */

/** Who clicked, as the policy sees them: a person of the config, or someone it does not know (their Slack id). */
export type PageActor = { kind: 'person'; id: string } | { kind: 'stranger'; slackId: string };

/** The people who answer for a page's subproject (person ids). */
export interface PageResponders {
  owners: readonly string[];
  /** Everyone in the subproject's rotations, on call now or not. */
  participants: readonly string[];
  leads: readonly string[];
}

export type PageAction = 'acknowledge' | 'escalate' | 'resolve';

/** Why someone may act on a page. */
export type PageRole = 'notified' | 'acknowledger' | 'owner' | 'participant' | 'lead';

export type Permission = { allowed: true; as: PageRole } | { allowed: false; reason: 'not-in-config' | 'no-role'; message: string };

/** The roles that allow each action, in the order a reason is reported. */
export const ALLOWED_ROLES: Readonly<Record<PageAction, readonly PageRole[]>> = {
  acknowledge: ['notified', 'owner', 'participant', 'lead'],
  escalate: ['notified', 'owner', 'participant', 'lead'],
  resolve: ['acknowledger', 'owner', 'participant', 'lead'],
};

/** Every role the person holds on this page (none for someone not in the config). */
export function rolesOn(page: Pick<PageState, 'notifications' | 'acknowledgedBy' | 'acknowledgedVia'>, actor: PageActor, responders: PageResponders): PageRole[] {
  if (actor.kind !== 'person') return [];
  const id = actor.id;
  const roles: PageRole[] = [];
  if (page.notifications.some((n) => n.personId === id)) roles.push('notified');
  // A PagerDuty acknowledger is a display name, never a person id: it grants nothing here.
  if (page.acknowledgedBy === id && page.acknowledgedVia !== 'pagerduty') roles.push('acknowledger');
  if (responders.owners.includes(id)) roles.push('owner');
  if (responders.participants.includes(id)) roles.push('participant');
  if (responders.leads.includes(id)) roles.push('lead');
  return roles;
}

const VERB: Record<PageAction, string> = { acknowledge: 'acknowledge', escalate: 'escalate', resolve: 'resolve' };

/** "the people this page notified, the owners of registry, …": who may do `action`, for a refusal. */
export function whoMay(action: PageAction, subprojectId: string): string {
  const names: Record<PageRole, string> = {
    notified: 'the people this page notified',
    acknowledger: 'whoever acknowledged it',
    owner: `the owners of ${subprojectId}`,
    participant: `the participants of its rotations`,
    lead: "the group's leads",
  };
  const parts = ALLOWED_ROLES[action].map((r) => names[r]);
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function decide(action: PageAction, page: Pick<PageState, 'subprojectId' | 'notifications' | 'acknowledgedBy' | 'acknowledgedVia'>, actor: PageActor, responders: PageResponders): Permission {
  const roles = rolesOn(page, actor, responders);
  const as = ALLOWED_ROLES[action].find((r) => roles.includes(r));
  if (as) return { allowed: true, as };
  const only = `Only ${whoMay(action, page.subprojectId)} may ${VERB[action]} this page.`;
  if (actor.kind === 'stranger') {
    return { allowed: false, reason: 'not-in-config', message: `${only} You are not in the bot's config (config/infra.yaml): you can raise a page, not act on one.` };
  }
  return { allowed: false, reason: 'no-role', message: only };
}

export function mayAcknowledge(page: Pick<PageState, 'subprojectId' | 'notifications' | 'acknowledgedBy' | 'acknowledgedVia'>, actor: PageActor, responders: PageResponders): Permission {
  return decide('acknowledge', page, actor, responders);
}

export function mayEscalate(page: Pick<PageState, 'subprojectId' | 'notifications' | 'acknowledgedBy' | 'acknowledgedVia'>, actor: PageActor, responders: PageResponders): Permission {
  return decide('escalate', page, actor, responders);
}

export function mayResolve(page: Pick<PageState, 'subprojectId' | 'notifications' | 'acknowledgedBy' | 'acknowledgedVia'>, actor: PageActor, responders: PageResponders): Permission {
  return decide('resolve', page, actor, responders);
}

/** The name a page records for an actor: the person id, or the Slack id of someone not in the config. */
export function recordedName(actor: PageActor): string {
  return actor.kind === 'person' ? actor.id : actor.slackId;
}
