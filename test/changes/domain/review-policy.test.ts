import { describe, expect, it } from 'vitest';
import type { Review } from '../../../src/changes/domain/change.ts';
import { mayApprove, mayDecide, mayFinish, mayObject, mayRecordNotice, mayWithdraw, missingReviews, reviewersToAsk, reviewProgress, reviewSlots } from '../../../src/changes/domain/review-policy.ts';
import { announced, AUTHOR, T0, testRules } from '../helpers/change-fixtures.ts';

const rules = testRules();
const approve = (reviewer: string): Review => ({ reviewer, verdict: 'approve', reason: '', at: T0, source: 'slack' });

describe('who reviews a change, by its tier', () => {
  it('high: SIG Contributor Experience and each owning SIG; one person may fill two SIGs', () => {
    const change = announced(); // likely breaks workflows: high; GKE: SIG K8s Infra and SIG Testing
    expect(reviewSlots(change, rules).map((s) => s.label)).toEqual(['SIG Contributor Experience', 'SIG K8s Infra', 'SIG Testing']);
    const progress = reviewProgress(change, [approve('U0NIKHITA'), approve('U0SPIFFXP')], rules);
    expect(missingReviews(progress)).toEqual(['SIG K8s Infra']);
    expect(missingReviews(reviewProgress(change, [approve('U0NIKHITA'), approve('U0SPIFFXP'), approve('U0AMEUKAM')], rules))).toEqual([]);
  });

  it('low and medium: one approval from the group, an affected SIG or the OWNERS approvers', () => {
    const low = announced({ answers: { workflows: 'no', rollback: 'easy', reach: 'few' } });
    expect(reviewSlots(low, rules)).toHaveLength(1);
    expect(mayApprove(low, 'U0JIMANGE', rules)).toEqual({ ok: true });
    expect(mayApprove(low, 'U0OUTSIDER', rules).ok).toBe(false);
    expect(mayApprove({ ...low, suggestedReviewers: ['U0OUTSIDER'] }, 'U0OUTSIDER', rules)).toEqual({ ok: true });
    expect(missingReviews(reviewProgress(low, [approve('U0JIMANGE')], rules))).toEqual([]);
  });

  it('never the author: not as a reviewer, not as an objector, not in the decision', () => {
    const change = announced();
    expect(mayApprove(change, AUTHOR, rules)).toEqual({ ok: false, reason: 'You cannot review your own change: it needs a review by someone else.' });
    expect(mayObject(change, AUTHOR, T0).ok).toBe(false);
    // The author's own approval never fills a slot, even when they review for the SIG.
    expect(missingReviews(reviewProgress({ ...change, author: 'U0NIKHITA' }, [approve('U0NIKHITA')], rules))).toContain('SIG Contributor Experience');
    expect(reviewersToAsk(change, rules)).not.toContain(AUTHOR);
    const blocked = { ...change, lazy: { ...change.lazy!, outcome: 'blocked' as const } };
    expect(mayDecide(blocked, AUTHOR, rules).ok).toBe(false);
    expect(mayDecide(blocked, 'U0AMEUKAM', rules)).toEqual({ ok: true });
    expect(mayDecide(blocked, 'U0OUTSIDER', rules).ok).toBe(false);
  });

  it('a high change whose SIG has no reviewers configured falls back to the leads', () => {
    const change = announced({ services: ['website'] }); // SIG Docs has none here
    const docs = reviewSlots(change, rules).find((s) => s.label === 'SIG Docs')!;
    expect([...docs.eligible].sort()).toEqual(['U0AMEUKAM', 'U0DIMS001', 'U0SPIFFXP']);
  });

  it('objections: anyone but the author, until the deadline or the decision', () => {
    const change = announced();
    expect(mayObject(change, 'U0ANYONE', T0)).toEqual({ ok: true });
    const withDeadline = { ...change, lazy: { ...change.lazy!, deadline: new Date('2026-04-13T12:00:00Z') } };
    expect(mayObject(withDeadline, 'U0ANYONE', new Date('2026-04-13T11:59:59Z'))).toEqual({ ok: true });
    const late = mayObject(withDeadline, 'U0ANYONE', new Date('2026-04-13T12:00:00Z'));
    expect(late.ok).toBe(false);
    expect(!late.ok && late.reason).toContain('deadline passed on Mon 13 Apr 2026 12:00 UTC');
    expect(mayObject({ ...change, state: 'cleared' }, 'U0ANYONE', T0).ok).toBe(false);
    expect(mayObject({ ...change, state: 'withdrawn' }, 'U0ANYONE', T0)).toEqual({ ok: false, reason: 'This change is withdrawn.' });
  });

  it('the author or a lead finishes (after the window starts), withdraws and records the notice', () => {
    const change = announced();
    expect(mayFinish(change, AUTHOR, new Date('2026-04-14T07:59:00Z'), rules).ok).toBe(false);
    expect(mayFinish(change, AUTHOR, new Date('2026-04-14T08:00:00Z'), rules)).toEqual({ ok: true });
    expect(mayFinish(change, 'U0DIMS001', new Date('2026-04-14T08:00:00Z'), rules)).toEqual({ ok: true });
    expect(mayFinish(change, 'U0BENTHEE', new Date('2026-04-14T08:00:00Z'), rules).ok).toBe(false);
    expect(mayWithdraw(change, 'U0BENTHEE', rules).ok).toBe(false);
    expect(mayWithdraw(change, AUTHOR, rules)).toEqual({ ok: true });
    expect(mayRecordNotice(change, 'U0BENTHEE', rules).ok).toBe(false);
    expect(mayRecordNotice(announced({ answers: { workflows: 'no', rollback: 'easy', reach: 'few' } }), AUTHOR, rules)).toEqual({ ok: false, reason: 'A low-risk change needs no kubernetes-dev@ notice.' });
  });
});
