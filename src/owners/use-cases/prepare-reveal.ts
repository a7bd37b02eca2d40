import { mayReveal, type RevealContext } from '../domain/contact-policy.ts';

export interface PrepareRevealDeps {
  openContexts(): Promise<RevealContext[]>;
  isLead(personId: string): boolean;
  refused(refusal: { actor: string; target: string; reason: string }, now: Date): Promise<void>;
}

export type PreparedReveal =
  | { kind: 'self' }
  | { kind: 'choices'; contexts: RevealContext[] }
  | { kind: 'lead-needs-reason' }
  | { kind: 'refused' };

/** `/k8s-infra contact @x`: what the asker may do. A refusal is audited. */
export async function prepareReveal(deps: PrepareRevealDeps, input: { actor: string | undefined; target: string }, now: Date): Promise<PreparedReveal> {
  const actorIsLead = input.actor !== undefined && deps.isLead(input.actor);
  const decision = mayReveal({ actor: input.actor, target: input.target, actorIsLead, open: await deps.openContexts() });
  if (decision.allowed && decision.as === 'self') return { kind: 'self' };
  if (decision.allowed && 'contexts' in decision) return { kind: 'choices', contexts: decision.contexts };
  if (!decision.allowed && decision.why === 'reason-needed') return { kind: 'lead-needs-reason' };
  await deps.refused({ actor: input.actor ?? 'unknown', target: input.target, reason: 'not a responder of an open page or incident involving them' }, now);
  return { kind: 'refused' };
}
