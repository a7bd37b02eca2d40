/**
 * Who may see a person's private contact details. Nobody by default; the person themself; during
 * an open page or incident involving the person, its responders; a lead with a stated reason.
 */

/** An open page or incident, as the reveal rule sees it. */
export interface RevealContext {
  kind: 'page' | 'incident';
  id: string;
  /** What the reveal is written against: "page PG-… (registry)", "INC-…". */
  label: string;
  /** Person ids the page or incident involves (notified, owners of its subproject, its commander). */
  involved: readonly string[];
  /** Person ids who respond to it (the people the page notified, the incident commander). */
  responders: readonly string[];
}

export interface RevealRequest {
  /** Person id of who asks, or undefined for a Slack user not in the config. */
  actor: string | undefined;
  target: string;
  actorIsLead: boolean;
  /** The open pages and incidents right now. */
  open: readonly RevealContext[];
  /** A lead's stated reason, for a reveal outside any open page or incident. */
  reason?: string;
}

export type RevealDecision =
  | { allowed: true; as: 'self' }
  | { allowed: true; as: 'responder' | 'lead'; contexts: RevealContext[] }
  | { allowed: true; as: 'lead-with-reason' }
  /** A lead outside any page or incident: allowed once they state why. */
  | { allowed: false; why: 'reason-needed' }
  | { allowed: false; why: 'not-allowed' };

/** The open pages and incidents through which `actor` may reveal `target`'s details. */
export function revealContexts(request: Pick<RevealRequest, 'actor' | 'target' | 'actorIsLead' | 'open'>): RevealContext[] {
  const { actor } = request;
  if (!actor) return [];
  return request.open.filter((c) => c.involved.includes(request.target) && (request.actorIsLead || c.responders.includes(actor)));
}

export function mayReveal(request: RevealRequest): RevealDecision {
  if (request.actor && request.actor === request.target) return { allowed: true, as: 'self' };
  const contexts = revealContexts(request);
  if (contexts.length > 0) return { allowed: true, as: request.actorIsLead && !contexts.some((c) => c.responders.includes(request.actor!)) ? 'lead' : 'responder', contexts };
  if (!request.actorIsLead) return { allowed: false, why: 'not-allowed' };
  return request.reason?.trim() ? { allowed: true, as: 'lead-with-reason' } : { allowed: false, why: 'reason-needed' };
}
