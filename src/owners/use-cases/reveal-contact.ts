import { escapeInline } from '../../core/mrkdwn.ts';
import { detailKinds, type ContactDetails } from '../domain/contact.ts';
import { mayReveal, type RevealContext } from '../domain/contact-policy.ts';
import type { ContactVault } from '../ports/contact-vault.ts';

/** A reveal as it is recorded: the audit entry, the timeline note and the DM to the person. */
export interface RecordedReveal {
  /** Idempotency key from the Slack payload: a retried click records once. */
  key: string;
  actor: string;
  target: string;
  /** What the details were revealed for; absent for a lead's reveal with a reason. */
  context?: RevealContext;
  reason?: string;
  /** "phone and alternate e-mails": the kinds, never the values. */
  kinds: string;
}

export interface RevealContactDeps {
  vault: Pick<ContactVault, 'configured' | 'read'>;
  openContexts(): Promise<RevealContext[]>;
  isLead(personId: string): boolean;
  /** Writes the reveal down before anything is shown: a reveal is never unrecorded. */
  record(reveal: RecordedReveal, now: Date): Promise<void>;
  refused(refusal: { actor: string; target: string; reason: string }, now: Date): Promise<void>;
}

export interface RevealContactInput {
  key: string;
  /** Person id of who asks; undefined for a Slack user not in the config. */
  actor: string | undefined;
  target: string;
  /** The page or incident the button named; absent for a lead's reveal with a reason. */
  through?: { kind: RevealContext['kind']; id: string };
  reason?: string;
}

export type RevealContactResult =
  | { kind: 'revealed'; details: ContactDetails; why: string }
  | { kind: 'nothing-stored' }
  | { kind: 'not-configured' }
  | { kind: 'refused' };

/**
 * A Reveal click (or a lead's reveal with a reason): the rule is asked again on the pages and
 * incidents open now (the page may have been resolved since the button was shown).
 */
export async function revealContact(deps: RevealContactDeps, input: RevealContactInput, now: Date): Promise<RevealContactResult> {
  if (!deps.vault.configured) return { kind: 'not-configured' };
  const open = await deps.openContexts();
  const actorIsLead = input.actor !== undefined && deps.isLead(input.actor);
  const decision = mayReveal({ actor: input.actor, target: input.target, actorIsLead, open, ...(input.through ? {} : input.reason !== undefined ? { reason: input.reason } : {}) });
  const context = decision.allowed && 'contexts' in decision && input.through ? decision.contexts.find((c) => c.kind === input.through!.kind && c.id === input.through!.id) : undefined;
  const allowed = decision.allowed && (decision.as === 'self' || (input.through ? context !== undefined : decision.as === 'lead-with-reason'));
  if (!allowed || !input.actor) {
    await deps.refused({ actor: input.actor ?? 'unknown', target: input.target, reason: input.through ? `${input.through.kind} ${input.through.id} is not open or does not list them as a responder` : 'outside an open page or incident' }, now);
    return { kind: 'refused' };
  }
  const details = await deps.vault.read(input.target);
  if (!details) return { kind: 'nothing-stored' };
  if (input.actor === input.target) return { kind: 'revealed', details, why: 'Your own details.' };
  const kinds = detailKinds(details);
  await deps.record({ key: input.key, actor: input.actor, target: input.target, kinds, ...(context ? { context } : {}), ...(input.reason && !context ? { reason: input.reason.trim() } : {}) }, now);
  const why = context ? `Revealed for ${context.label}.` : `Revealed by a lead: ${escapeInline(input.reason!.trim())}.`;
  return { kind: 'revealed', details, why };
}
