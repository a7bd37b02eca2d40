import type { AcknowledgeResult, EscalateResult, ResolveResult } from '../domain/escalation-engine.ts';
import type { Mention } from './paging-message.ts';

/*
 * The ephemeral answers to a click on a page's buttons. Undefined means "nothing to say": the
 * change shows on every message of the page once it is synced.
 */

/** A pager user's display name ("Jane Doe") is shown as is; a person id as a mention. */
function actorName(id: string, mention: Mention): string {
  return id.includes(' ') ? id : mention(id);
}

export function noSuchPage(pageId: string | undefined): string {
  return `There is no page \`${pageId}\`.`;
}

export function acknowledgeReply(r: AcknowledgeResult, mention: Mention): string | undefined {
  if (r.kind === 'already-acknowledged') return `Already acknowledged by ${actorName(r.alreadyAcknowledgedBy, mention)} at ${r.at.slice(11, 16)} UTC.`;
  if (r.kind === 'refused') return `:no_entry: ${r.message}`;
  return undefined;
}

export function escalateReply(r: EscalateResult): string | undefined {
  return r.kind === 'refused' ? `:no_entry: ${r.message}` : undefined;
}

export function resolveReply(r: ResolveResult, mention: Mention): string | undefined {
  if (r.kind === 'not-allowed') return `:no_entry: ${r.message}`;
  if (r.kind === 'already-resolved') return `Already resolved by ${actorName(r.resolvedBy, mention)} at ${r.at.slice(11, 16)} UTC.`;
  return undefined;
}
