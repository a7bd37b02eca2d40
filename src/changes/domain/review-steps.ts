import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { openObjections, type Change, type Review, type Verdict } from './change.ts';
import { consensus, settle } from './consensus-steps.ts';
import { utc } from './format.ts';
import { closingComment, commentKey, objectionComment } from './github-text.ts';
import { audited, note, refused, type Intent, type Step } from './intents.ts';
import { who } from './people-text.ts';
import { mayApprove, mayDecide, mayObject, reviewSlots } from './review-policy.ts';
import type { ChangeRules } from './rules.ts';

export interface ReviewRequest {
  reviewer: string;
  verdict: Verdict;
  reason: string;
  source: 'slack' | 'github';
  /** Unique per review act (the click's view id, the comment), for the thread note's key. */
  key: string;
}

/**
 * One review per person: their latest word counts. An approval by someone who had objected
 * withdraws the objection; an objection replaces an approval. Saying the same thing twice is
 * "already".
 */
export function recordReview(change: Change, reviews: readonly Review[], request: ReviewRequest, now: Date, rules: ChangeRules, githubOf: (slackId: string) => string | undefined): Step {
  const permission = request.verdict === 'approve' ? mayApprove(change, request.reviewer, rules, reviews) : mayObject(change, request.reviewer, now);
  if (!permission.ok) return refused(permission.reason);
  const previous = reviews.find((r) => r.reviewer === request.reviewer);
  // An objector whose approval counts for no review: clicking Approve takes the objection back, nothing more.
  if (request.verdict === 'approve' && previous?.verdict === 'object' && !reviewSlots(change, rules).some((s) => s.eligible.has(request.reviewer))) {
    return withdrawObjection(change, reviews, request.reviewer, request.key, now, rules, request.source);
  }
  if (previous?.verdict === request.verdict) {
    return refused(request.verdict === 'approve' ? `You already approved this change (${utc(previous.at)}).` : `You already objected to this change (${utc(previous.at)}): "${previous.reason}".`, true);
  }
  const review: Review = { reviewer: request.reviewer, verdict: request.verdict, reason: request.reason.trim(), at: now, source: request.source };
  const next = [...reviews.filter((r) => r.reviewer !== request.reviewer), review];
  const intents: Intent[] = [{ kind: 'refresh' }];
  if (request.verdict === 'approve') {
    const fills = reviewSlots(change, rules).filter((s) => s.eligible.has(request.reviewer)).map((s) => s.label);
    const withdrew = previous?.verdict === 'object' ? ' withdrew their objection and' : '';
    intents.push(
      note(`review:${request.key}`, `:white_check_mark: ${who(request.reviewer)}${withdrew} approved${change.tier === 'high' ? ` (for ${fills.map(escapeMrkdwn).join(', ')})` : ''}.`),
      audited(previous?.verdict === 'object' ? 'change.objection_withdrawn' : 'change.approved', request.reviewer, { source: request.source }),
    );
  } else {
    intents.push(
      note(`review:${request.key}`, `:raised_hand: ${who(request.reviewer)} objects: ${escapeMrkdwn(review.reason)}\nThe change waits until the objection is withdrawn (by approving) or the reviewers decide.`),
      audited('change.objected', request.reviewer, { source: request.source, reason: review.reason }),
    );
    if (change.lazy?.issue && request.source === 'slack') {
      const by = githubOf(request.reviewer);
      intents.push({ kind: 'github', key: `objection:${request.key}`, action: { kind: 'comment-issue', body: objectionComment(commentKey(change.id, `objection:${request.key}`), by ? `@${by}` : 'a member of the Kubernetes Slack', review.reason) } });
    }
  }
  const changed = { ok: true as const, change, review, intents };
  // The last objection withdrawn after a blocked deadline: lazy consensus holds after all.
  if (change.lazy?.outcome === 'blocked' && openObjections(next).length === 0) {
    const after = consensus({ ...change, lazy: { ...change.lazy, outcome: 'reached', outcomeAt: now } }, next, now, rules, `reached-late:${request.key}`);
    return after.ok ? { ...after, review, intents: [...intents, ...after.intents] } : changed;
  }
  const settled = settle(change, next, now, rules);
  return settled.ok ? { ok: true, change: settled.change, review, intents: [...intents, ...settled.intents] } : changed;
}

/** `/object cancel` on GitHub (or Approve by an objector whose approval counts for nothing): the objection no longer counts, nor is it an approval. */
export function withdrawObjection(change: Change, reviews: readonly Review[], reviewer: string, key: string, now: Date, rules: ChangeRules, source: Review['source'] = 'github'): Step {
  const previous = reviews.find((r) => r.reviewer === reviewer);
  if (previous?.verdict !== 'object') return refused('no objection to withdraw', true);
  if (change.state !== 'open') return refused('not open', true);
  const review: Review = { reviewer, verdict: 'withdrawn', reason: previous.reason, at: now, source };
  const next = [...reviews.filter((r) => r.reviewer !== reviewer), review];
  const intents: Intent[] = [{ kind: 'refresh' }, note(`withdrawn:${key}`, `${who(reviewer)} withdrew their objection.`), audited('change.objection_withdrawn', reviewer, { source })];
  if (change.lazy?.outcome === 'blocked' && openObjections(next).length === 0) {
    const after = consensus({ ...change, lazy: { ...change.lazy, outcome: 'reached', outcomeAt: now } }, next, now, rules, `reached-late:${key}`);
    if (after.ok) return { ...after, review, intents: [...intents, ...after.intents] };
  }
  const settled = settle(change, next, now, rules);
  return settled.ok ? { ok: true, change: settled.change, review, intents: [...intents, ...settled.intents] } : { ok: true, change, review, intents };
}

/** The reviewers decide on an objection that held the change at its deadline. */
export function decide(change: Change, reviews: readonly Review[], by: string, accept: boolean, now: Date, rules: ChangeRules): Step {
  const permission = mayDecide(change, by, rules);
  if (!permission.ok) return refused(permission.reason, change.lazy?.outcome === 'accepted' || change.state === 'rejected');
  const lazy = change.lazy!;
  if (accept) {
    const after: Change = { ...change, lazy: { ...lazy, outcome: 'accepted', outcomeAt: now }, decidedBy: by, decisionNote: `accepted by ${by} after an objection` };
    const intents: Intent[] = [
      { kind: 'refresh' },
      note('decided', `:scales: ${who(by)} decided to go ahead despite the objection.`),
      audited('change.accepted', by, { objections: openObjections(reviews).map((o) => o.reviewer) }),
    ];
    if (lazy.issue) intents.push({ kind: 'github', key: 'decided', action: { kind: 'comment-issue', body: closingComment(commentKey(change.id, 'decided'), 'The reviewers decided to go ahead despite the objection.') } });
    const settled = settle(after, reviews, now, rules);
    return settled.ok ? { ok: true, change: settled.change, intents: [...intents, ...settled.intents] } : { ok: true, change: after, intents };
  }
  const after: Change = { ...change, state: 'rejected', decidedAt: now, decidedBy: by, decisionNote: `rejected by ${by} after an objection` };
  const intents: Intent[] = [
    { kind: 'refresh' },
    note('decided', `:no_entry_sign: ${who(by)} rejected the change after the objection.`),
    { kind: 'cancel-timers', generation: lazy.generation },
    audited('change.rejected', by, {}),
  ];
  if (lazy.issue) intents.push({ kind: 'github', key: 'closed', action: { kind: 'close-issue', body: closingComment(commentKey(change.id, 'closed'), 'The reviewers rejected this change after the objection. Closing.') } });
  return { ok: true, change: after, intents };
}
