import { describe, expect, it } from 'vitest';
import type { Change, PrAnalysis, Review } from '../../../src/changes/domain/change.ts';
import { deadlineReached, holdPlaced, issueOpened, noticeLinked, reminderDue } from '../../../src/changes/domain/consensus-steps.ts';
import type { Deadline } from '../../../src/changes/domain/deadline.ts';
import type { Intent, Step } from '../../../src/changes/domain/intents.ts';
import { applyPrAnalysis } from '../../../src/changes/domain/pull-request-steps.ts';
import { decide, recordReview, withdrawObjection } from '../../../src/changes/domain/review-steps.ts';
import { finish, holdByOthers, openWindow } from '../../../src/changes/domain/window-steps.ts';
import { announced, AUTHOR, T0, testRules } from '../helpers/change-fixtures.ts';

const rules = testRules();
const PR = { repo: 'kubernetes/k8s.io', number: 7, url: 'https://github.com/kubernetes/k8s.io/pull/7' };
const ISSUE = { number: 8, url: 'https://github.com/kubernetes/k8s.io/issues/8' };
const DEADLINE: Deadline = { start: T0, at: new Date('2026-04-13T12:00:00Z'), notes: ['5 working days'] };
const AT_DEADLINE = DEADLINE.at;
const githubOf = (s: string) => (s === 'U0JIMANGE' ? 'jimangel' : undefined);

function ok(step: Step): { change: Change; intents: Intent[]; review?: Review } {
  if (!step.ok) throw new Error(`refused: ${step.reason}`);
  return step;
}
const kinds = (intents: Intent[]) => intents.map((i) => (i.kind === 'say' || i.kind === 'github' ? `${i.kind}:${i.key}` : i.kind));
const prComments = (intents: Intent[]) => intents.flatMap((i) => (i.kind === 'github' && i.action.kind === 'comment-pr' ? [i.action] : []));

/** A high change with a PR whose issue is open, its hold placed and its notice recorded. */
function inConsensus(extra: Partial<Change> = {}): Change {
  let c = ok(issueOpened({ ...announced(), pr: PR, prAnalysisState: 'done' }, ISSUE, DEADLINE, T0, rules, true)).change;
  c = ok(holdPlaced(c)).change;
  return { ...c, lazy: { ...c.lazy!, noticeSentAt: T0 }, ...extra };
}
const approvals = ['U0NIKHITA', 'U0AMEUKAM', 'U0BENTHEE'].map((reviewer): Review => ({ reviewer, verdict: 'approve', reason: '', at: T0, source: 'slack' }));
const objection: Review = { reviewer: 'U0JIMANGE', verdict: 'object', reason: 'Not during the release freeze.', at: T0, source: 'slack' };

describe('a change from its announcement to its outcome', () => {
  it('is announced with what its tier needs: the post, the window, and its issue (or its PR read first)', () => {
    const medium = announced({ answers: { workflows: 'may', rollback: 'easy', reach: 'few' } });
    expect(medium.tier).toBe('medium');
    expect(medium.lazy).toMatchObject({ generation: 0, outcome: 'pending', issue: null });
    const withPr = announced({ pr: PR, pathTier: 'high', answers: { workflows: 'no', rollback: 'easy', reach: 'few' }, chosenTier: undefined });
    expect(withPr.tier).toBe('high');
    expect(withPr.tierReasons).toEqual(["the pull request's files (path rules) suggest high"]);
    const raised = announced({ answers: { workflows: 'no', rollback: 'easy', reach: 'few' }, chosenTier: 'medium' });
    expect(raised).toMatchObject({ tier: 'medium', tierReasons: ['raised to medium by the author'] });
    // SIGs: the services' own, and only SIGs the config knows.
    expect(announced({ sigs: ['sig-nonexistent', 'sig-contributor-experience'] }).sigs).toEqual(['sig-contributor-experience', 'sig-k8s-infra', 'sig-testing']);
  });

  it('rises to the tier of its PR’s files, and then needs lazy consensus', () => {
    const low = { ...announced({ answers: { workflows: 'no', rollback: 'easy', reach: 'few' }, pr: PR }), rollbackPlan: '' };
    expect(low.lazy).toBeNull();
    const analysis: PrAnalysis = { fileCount: 1, files: ['groups/restrictions.yaml'], matches: [{ rule: 'Group restrictions', tier: 'high', path: 'groups/restrictions.yaml', detail: 'modified' }], pathTier: 'high', owners: [], approvers: ['nikhita'], author: 'xmudrii', headSha: 'abc' };
    const r = ok(applyPrAnalysis(low, analysis, ['U0NIKHITA', AUTHOR], rules));
    expect(r.change).toMatchObject({ tier: 'high', prAnalysisState: 'done', suggestedReviewers: ['U0NIKHITA'] });
    expect(r.change.lazy).not.toBeNull();
    expect(kinds(r.intents)).toContain('github:issue');
    const raisedNote = r.intents.find((i) => i.kind === 'say' && i.key === 'tier-raised');
    expect(JSON.stringify(raisedNote)).toContain('asks for a rollback plan at this tier: <@U0XMUDRII>'); // none was given
    expect(applyPrAnalysis(r.change, analysis, [], rules)).toMatchObject({ ok: false, already: true });
  });

  it('starts the count when the issue opens: reminder a day before, deadline, /hold, notice', () => {
    const r = ok(issueOpened({ ...announced(), pr: PR }, ISSUE, DEADLINE, T0, rules, false));
    const timers = r.intents.find((i) => i.kind === 'timers');
    expect(timers).toEqual({ kind: 'timers', generation: 1, remindAt: new Date('2026-04-12T12:00:00Z'), deadline: AT_DEADLINE });
    expect(prComments(r.intents)).toEqual([expect.objectContaining({ hold: 'place' })]);
    expect(prComments(r.intents)[0]!.body.split('\n')[0]).toBe('/hold');
    expect(kinds(r.intents)).not.toContain('send-notice');
    expect(kinds(ok(issueOpened(announced(), ISSUE, DEADLINE, T0, rules, true)).intents)).toContain('send-notice');
    expect(issueOpened(r.change, ISSUE, DEADLINE, T0, rules, false)).toMatchObject({ ok: false, already: true });
  });

  it('at the deadline with no objection: consensus, and /hold cancel in the PR comment once the reviews are in', () => {
    const r = ok(deadlineReached(inConsensus(), approvals, 1, AT_DEADLINE, rules, () => '@x'));
    expect(r.change).toMatchObject({ state: 'cleared', lazy: { outcome: 'reached' } });
    const pr = prComments(r.intents);
    expect(pr).toHaveLength(1);
    expect(pr[0]!.hold).toBe('cancel');
    expect(pr[0]!.body.split('\n')).toContain('/hold cancel');
    expect(kinds(r.intents)).toContain(`github:reached:1`);
  });

  it('with reviews missing: consensus is said on the PR, the hold stays until the last review', () => {
    const r = ok(deadlineReached(inConsensus(), approvals.slice(0, 2), 1, AT_DEADLINE, rules, () => '@x'));
    expect(r.change).toMatchObject({ state: 'open', lazy: { outcome: 'reached' } });
    expect(prComments(r.intents).map((c) => c.hold)).toEqual([undefined]);
    expect(prComments(r.intents)[0]!.body).toContain('Still waiting for the reviews the charter asks for: SIG Testing.');
    const last = ok(recordReview(r.change, approvals.slice(0, 2), { reviewer: 'U0BENTHEE', verdict: 'approve', reason: '', source: 'slack', key: 'k' }, AT_DEADLINE, rules, githubOf));
    expect(last.change.state).toBe('cleared');
    expect(prComments(last.intents).map((c) => c.hold)).toEqual(['cancel']);
  });

  it('never cancels a hold someone else placed', () => {
    const held = ok(holdByOthers(inConsensus(), 'puerco', false)).change;
    const r = ok(deadlineReached(held, approvals, 1, AT_DEADLINE, rules, () => '@x'));
    expect(r.change.state).toBe('cleared');
    expect(prComments(r.intents).some((c) => c.hold === 'cancel')).toBe(false);
    expect(kinds(r.intents)).toContain('say:hold-kept');
    // Their own /hold cancel lifts the label: nothing is left for the bot to cancel.
    const lifted = ok(holdByOthers(held, 'puerco', true)).change;
    expect(lifted.hold).toEqual({ placed: true, cancelled: true, heldByOthers: false });
  });

  it('with an objection: not reached, the decision waits for the reviewers; withdrawing it afterwards reaches consensus', () => {
    const r = ok(deadlineReached(inConsensus(), [...approvals, objection], 1, AT_DEADLINE, rules, () => '@jimangel'));
    expect(r.change).toMatchObject({ state: 'open', lazy: { outcome: 'blocked' } });
    expect(kinds(r.intents)).toEqual(expect.arrayContaining(['say:blocked:1', 'github:blocked:1']));
    expect(prComments(r.intents)).toEqual([]);
    // The objector approves after all.
    const w = ok(recordReview(r.change, [...approvals, objection], { reviewer: 'U0JIMANGE', verdict: 'approve', reason: '', source: 'slack', key: 'later' }, AT_DEADLINE, rules, githubOf));
    expect(w.change).toMatchObject({ state: 'cleared', lazy: { outcome: 'reached' } });
    expect(w.review?.verdict).toBe('withdrawn'); // Jim reviews for none of these SIGs: his click only withdraws
    expect(JSON.stringify(w.intents)).toContain('withdrew their objection');
    // Or withdraws it on GitHub.
    const g = ok(withdrawObjection(r.change, [...approvals, objection], 'U0JIMANGE', 'gh:1', AT_DEADLINE, rules));
    expect(g.review?.verdict).toBe('withdrawn');
    expect(g.change.state).toBe('cleared');
  });

  it('the reviewers decide after an objection: go ahead (cleared) or reject (issue closed, timers cancelled)', () => {
    const blocked = ok(deadlineReached(inConsensus(), [...approvals, objection], 1, AT_DEADLINE, rules, () => '@x')).change;
    const accepted = ok(decide(blocked, [...approvals, objection], 'U0AMEUKAM', true, AT_DEADLINE, rules));
    expect(accepted.change).toMatchObject({ state: 'cleared', lazy: { outcome: 'accepted' } });
    const rejected = ok(decide(blocked, [...approvals, objection], 'U0AMEUKAM', false, AT_DEADLINE, rules));
    expect(rejected.change.state).toBe('rejected');
    expect(kinds(rejected.intents)).toEqual(expect.arrayContaining(['cancel-timers', 'github:closed']));
    expect(decide(rejected.change, [], 'U0AMEUKAM', true, AT_DEADLINE, rules).ok).toBe(false);
  });

  it('without the kubernetes-dev@ notice nothing is assumed; recording it starts the count again', () => {
    const noNotice = { ...inConsensus(), lazy: { ...inConsensus().lazy!, noticeSentAt: null } };
    const waiting = ok(deadlineReached(noNotice, approvals, 1, AT_DEADLINE, rules, () => '@x'));
    expect(waiting.change).toMatchObject({ state: 'open', lazy: { outcome: 'waiting-for-notice' } });
    expect(kinds(waiting.intents)).toEqual(expect.arrayContaining(['say:no-notice:1', 'say:no-notice-author:1']));
    const later = new Date('2026-04-15T09:00:00Z');
    const restarted: Deadline = { start: later, at: new Date('2026-04-21T12:00:00Z'), notes: [] };
    const linked = ok(noticeLinked(waiting.change, 'https://groups.google.com/a/kubernetes.io/g/dev/c/Xyz', AUTHOR, later, rules, () => restarted));
    expect(linked.change.lazy).toMatchObject({ outcome: 'pending', generation: 2, deadline: restarted.at, startedAt: later, noticeUrl: 'https://groups.google.com/a/kubernetes.io/g/dev/c/Xyz' });
    expect(linked.intents.find((i) => i.kind === 'timers')).toEqual({ kind: 'timers', generation: 2, remindAt: new Date('2026-04-20T12:00:00Z'), deadline: restarted.at });
    // The old count's jobs are stale now.
    expect(deadlineReached(linked.change, approvals, 1, restarted.at, rules, () => '@x')).toMatchObject({ ok: false, already: true });
    expect(reminderDue(linked.change, [], 1)).toMatchObject({ ok: false, already: true });
    expect(noticeLinked(linked.change, 'https://groups.google.com/a/kubernetes.io/g/dev/c/Xyz', AUTHOR, later, rules, () => restarted)).toMatchObject({ ok: false, already: true });
    expect(noticeLinked(linked.change, 'https://evil.example/x', AUTHOR, later, rules, () => restarted).ok).toBe(false);
    expect(noticeLinked(linked.change, 'https://groups.google.com/a/kubernetes.io/g/dev/c/x|click>', AUTHOR, later, rules, () => restarted).ok).toBe(false);
  });

  it('one review per person: the same word twice is "already", a new word replaces the old', () => {
    const change = inConsensus();
    const first = ok(recordReview(change, [], { reviewer: 'U0NIKHITA', verdict: 'approve', reason: '', source: 'slack', key: 'a' }, T0, rules, githubOf));
    expect(recordReview(first.change, [first.review!], { reviewer: 'U0NIKHITA', verdict: 'approve', reason: '', source: 'slack', key: 'b' }, T0, rules, githubOf)).toMatchObject({ ok: false, already: true });
    const objected = ok(recordReview(first.change, [first.review!], { reviewer: 'U0NIKHITA', verdict: 'object', reason: 'wait', source: 'slack', key: 'c' }, T0, rules, githubOf));
    expect(objected.review).toMatchObject({ verdict: 'object', reason: 'wait' });
    // A Slack objection is written on the issue too (the record).
    expect(kinds(objected.intents)).toContain('github:objection:c');
  });

  it('opens its window with warnings when not cleared or a service has an open incident; finishing early is flagged', () => {
    const change = inConsensus();
    const r = ok(openWindow(change, [{ title: 'aaa nodes NotReady', severity: 'SEV2', services: ['gke', 'prow'] }], new Date('2026-04-14T08:00:00Z'), rules));
    expect(r.change.incidentFlags).toEqual(['not cleared yet: do not start until it is', 'open SEV2 incident on gke: aaa nodes NotReady']);
    expect(kinds(r.intents)).toEqual(expect.arrayContaining(['say:window', 'say:window:sig-testing', 'say:window:sig-contribex']));
    expect(openWindow(r.change, [], new Date(), rules)).toMatchObject({ ok: false, already: true });
    const done = ok(finish(r.change, 'done', AUTHOR, new Date('2026-04-14T09:00:00Z')));
    expect(done.change).toMatchObject({ state: 'done', decisionNote: 'marked done before it was cleared' });
    expect(kinds(done.intents)).toEqual(expect.arrayContaining(['cancel-timers', 'github:finished']));
    expect(finish(done.change, 'done', AUTHOR, new Date())).toMatchObject({ ok: false, already: true });
  });
});
