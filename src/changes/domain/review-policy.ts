import { isFinished, type Change, type Review } from './change.ts';
import type { ChangeRules } from './rules.ts';
import { sigName } from './rules.ts';
import { utc } from './format.ts';

/** A review the change needs: from whom, how many approvals. */
export interface ReviewSlot {
  id: string;
  label: string;
  /** Slack ids whose approval counts for this slot. */
  eligible: ReadonlySet<string>;
  count: number;
}

export interface SlotProgress {
  slot: ReviewSlot;
  approvedBy: string[];
  satisfied: boolean;
}

/** Leads stand in for a SIG that has no reviewers configured, so such a change is never stuck. */
function sigReviewers(rules: ChangeRules, sig: string): ReadonlySet<string> {
  const reviewers = rules.sigs.get(sig)?.reviewers;
  return reviewers && reviewers.size > 0 ? reviewers : rules.leads;
}

/**
 * What the charter asks of each tier:
 * - low and medium: `approvals.<tier>` approvals from members of the group, reviewers of an
 *   affected SIG, or OWNERS approvers of the changed paths (preferably an approver);
 * - high: one approval from each SIG of `consultation` (SIG Contributor Experience) and of each
 *   owning SIG. One person who reviews for two SIGs fills both.
 * Nobody reviews their own change.
 */
export function reviewSlots(change: Pick<Change, 'tier' | 'sigs' | 'suggestedReviewers'>, rules: ChangeRules): ReviewSlot[] {
  if (change.tier === 'high') {
    const sigs = [...new Set([...rules.consultation, ...change.sigs])];
    return sigs.map((sig) => ({ id: `sig:${sig}`, label: sigName(rules, sig), eligible: sigReviewers(rules, sig), count: 1 }));
  }
  const eligible = new Set<string>([...rules.groupMembers, ...change.suggestedReviewers]);
  for (const sig of change.sigs) for (const r of rules.sigs.get(sig)?.reviewers ?? []) eligible.add(r);
  return [{ id: 'any', label: 'a member of the group or of an affected SIG', eligible, count: rules.approvals[change.tier] }];
}

export function reviewProgress(change: Pick<Change, 'tier' | 'sigs' | 'suggestedReviewers' | 'author'>, reviews: readonly Review[], rules: ChangeRules): SlotProgress[] {
  const approvers = reviews.filter((r) => r.verdict === 'approve' && r.reviewer !== change.author).map((r) => r.reviewer);
  return reviewSlots(change, rules).map((slot) => {
    const approvedBy = approvers.filter((a) => slot.eligible.has(a));
    return { slot, approvedBy, satisfied: approvedBy.length >= slot.count };
  });
}

export function reviewsComplete(progress: readonly SlotProgress[]): boolean {
  return progress.every((p) => p.satisfied);
}

/** Who the change still waits for, as people read it ("SIG Contributor Experience, SIG Release"). */
export function missingReviews(progress: readonly SlotProgress[]): string[] {
  return progress.filter((p) => !p.satisfied).map((p) => (p.slot.count > 1 ? `${p.slot.count - p.approvedBy.length} more from ${p.slot.label}` : p.slot.label));
}

/** Slack ids asked to review: the OWNERS approvers first, then every SIG slot's reviewers (for high). */
export function reviewersToAsk(change: Pick<Change, 'tier' | 'sigs' | 'suggestedReviewers' | 'author'>, rules: ChangeRules): string[] {
  const asked = new Set<string>(change.suggestedReviewers);
  if (change.tier === 'high') for (const slot of reviewSlots(change, rules)) for (const r of slot.eligible) asked.add(r);
  else for (const sig of change.sigs) for (const r of rules.sigs.get(sig)?.reviewers ?? []) asked.add(r);
  asked.delete(change.author);
  return [...asked];
}

export type Permission = { ok: true } | { ok: false; reason: string };
const refuse = (reason: string): Permission => ({ ok: false, reason });
const allow: Permission = { ok: true };

function finishedReason(change: Change): string | undefined {
  return isFinished(change.state) ? `This change is ${change.state === 'rolled-back' ? 'rolled back' : change.state}.` : undefined;
}

/**
 * Who may approve: anyone a review slot counts, never the author, while the change is not
 * finished. Someone whose objection stands may always click Approve: it withdraws the objection
 * (and approves, when their approval counts).
 */
export function mayApprove(change: Change, person: string, rules: ChangeRules, reviews: readonly Review[] = []): Permission {
  const finished = finishedReason(change);
  if (finished) return refuse(finished);
  if (person === change.author) return refuse('You cannot review your own change: it needs a review by someone else.');
  const slots = reviewSlots(change, rules);
  if (slots.some((s) => s.eligible.has(person))) return allow;
  if (reviews.some((r) => r.reviewer === person && r.verdict === 'object')) return allow;
  return refuse(`Your approval does not count for this ${change.tier}-risk change: it needs ${slots.map((s) => s.label).join(', ')}. You can still object, with a reason.`);
}

/**
 * Who may object: lazy consensus is open to the whole community, so anyone but the author, until
 * the decision. After the lazy-consensus deadline an objection no longer stops it.
 */
export function mayObject(change: Change, person: string, now: Date): Permission {
  const finished = finishedReason(change);
  if (finished) return refuse(finished);
  if (person === change.author) return refuse('You cannot object to your own change; withdraw it instead.');
  if (change.state === 'cleared') return refuse('This change is already cleared. Raise your concern with the reviewers in the thread.');
  const deadline = change.lazy?.deadline;
  if (deadline && now.getTime() >= deadline.getTime()) {
    return refuse(`The lazy-consensus deadline passed on ${utc(deadline)}: an objection no longer stops the change. Raise your concern with the reviewers in the thread or on the issue.`);
  }
  return allow;
}

/** After an objection at the deadline the reviewers decide: the leads and anyone a review slot counts, never the author. */
export function mayDecide(change: Change, person: string, rules: ChangeRules): Permission {
  const finished = finishedReason(change);
  if (finished) return refuse(finished);
  if (person === change.author) return refuse('The reviewers decide on an objection, not the author.');
  if (change.lazy?.outcome !== 'blocked') return refuse('There is nothing to decide: no objection is holding this change at its deadline.');
  if (rules.leads.has(person) || reviewSlots(change, rules).some((s) => s.eligible.has(person))) return allow;
  return refuse('Only the leads and the reviewers of this change decide on an objection.');
}

/** The author or a lead says how the window went, once it has started. */
export function mayFinish(change: Change, person: string, now: Date, rules: ChangeRules): Permission {
  const finished = finishedReason(change);
  if (finished) return refuse(finished);
  if (person !== change.author && !rules.leads.has(person)) return refuse('Only the author of the change or a lead can mark it done or rolled back.');
  if (now.getTime() < change.windowStart.getTime()) return refuse('The window has not started yet; mark the change done or rolled back once it has.');
  return allow;
}

export function mayWithdraw(change: Change, person: string, rules: ChangeRules): Permission {
  const finished = finishedReason(change);
  if (finished) return refuse(finished);
  if (person !== change.author && !rules.leads.has(person)) return refuse('Only the author of the change or a lead can withdraw it.');
  return allow;
}

/** The author (or a lead) pastes the kubernetes-dev@ archive link. */
export function mayRecordNotice(change: Change, person: string, rules: ChangeRules): Permission {
  const finished = finishedReason(change);
  if (finished) return refuse(finished);
  if (!change.lazy) return refuse(`A ${change.tier}-risk change needs no kubernetes-dev@ notice.`);
  if (person !== change.author && !rules.leads.has(person)) return refuse('Only the author of the change or a lead can record its kubernetes-dev@ notice.');
  return allow;
}
