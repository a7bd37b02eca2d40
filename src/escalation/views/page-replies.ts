import type { AcknowledgeResult, EscalateResult, ResolveResult } from '../domain/escalation-engine.ts';
import type { Mention } from './paging-message.ts';
import { actorShown, shown, shownInline } from './shown-text.ts';

/*
 * The ephemeral answers to a click on a page's buttons. Undefined means "nothing to say": the
 * change shows on every message of the page once it is synced. Messages from the domain quote
 * PagerDuty names, and a button's value is whatever the request carried: all of it is escaped.
 */

/** A pager user's display name ("Jane Doe") is shown as escaped text; a person id as a mention. */
function actorName(id: string, mention: Mention): string {
  return id.includes(' ') ? shown(id, 200) : actorShown(id, mention);
}

export function noSuchPage(pageId: string | undefined): string {
  return pageId ? `There is no page \`${shownInline(pageId, 100)}\`.` : 'That button names no page.';
}

export function acknowledgeReply(r: AcknowledgeResult, mention: Mention): string | undefined {
  if (r.kind === 'already-acknowledged') return `Already acknowledged by ${actorName(r.alreadyAcknowledgedBy, mention)} at ${r.at.slice(11, 16)} UTC.`;
  if (r.kind === 'refused' || r.kind === 'not-allowed') return `:no_entry: ${shown(r.message, 1000)}`;
  return undefined;
}

export function escalateReply(r: EscalateResult): string | undefined {
  if (r.kind === 'already-escalated') return `Already escalated to ${r.pass > 1 ? `step ${r.step}, pass ${r.pass}` : `step ${r.step}`}: your click did not escalate again.`;
  return r.kind === 'refused' || r.kind === 'not-allowed' ? `:no_entry: ${shown(r.message, 1000)}` : undefined;
}

export function resolveReply(r: ResolveResult, mention: Mention): string | undefined {
  if (r.kind === 'not-allowed') return `:no_entry: ${shown(r.message, 1000)}`;
  if (r.kind === 'already-resolved') return `Already resolved by ${actorName(r.resolvedBy, mention)} at ${r.at.slice(11, 16)} UTC.`;
  return undefined;
}

/** What a click is, in the answers about recording it. */
export type ClickKind = 'acknowledgement' | 'escalation' | 'resolution';

/**
 * Said at once when the database does not answer (it is down: the click is retried for a while,
 * with its time; or only slow: it is still waiting), so the person knows the click is not lost.
 */
export function clickPending(kind: ClickKind, retryForSeconds?: number): string {
  return retryForSeconds === undefined
    ? `:hourglass_flowing_sand: The bot's database is slow to answer. Your ${kind} is not recorded yet; it will be as soon as the database answers, and you will be told if it fails.`
    : `:hourglass_flowing_sand: The bot cannot reach its database right now. Your ${kind} is not recorded yet; it is retried for ${retryForSeconds} s with the time you clicked, and you will be told if it fails.`;
}

/** Said when the retries ran out: nothing changed, and the page goes on as it was. */
export function clickNotRecorded(kind: ClickKind): string {
  const goesOn = kind === 'resolution' ? 'The page is still open.' : 'The page keeps escalating until someone acknowledges it.';
  return `:warning: Could not record your ${kind}: the bot cannot reach its database. Try again in a minute. ${goesOn}`;
}

/** Said when recording the click failed for another reason (logged). */
export function clickFailed(kind: ClickKind): string {
  return `:warning: Could not record your ${kind}: something went wrong (it was logged). Try again, or tell #wg-k8s-infra.`;
}
