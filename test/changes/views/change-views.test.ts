import { describe, expect, it } from 'vitest';
import type { Change, Review } from '../../../src/changes/domain/change.ts';
import { mailtoLink, noticeFor } from '../../../src/changes/domain/notice-text.ts';
import { announceModal, noticeLinkModal, objectModal, prPreviewText } from '../../../src/changes/views/change-modal.ts';
import { changeList, changeMessage, decideMessage, decisionsList, noticeMessage, reviewRequestMessage, sharedMessage, windowMessage } from '../../../src/changes/views/change-messages.ts';
import { checkBlocks, checkView } from '../../../src/sandbox/block-kit-limits.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { announced, T0, testRules } from '../helpers/change-fixtures.ts';

const rules = testRules();
const names = { serviceName: (id: string) => ({ gke: 'GKE clusters' })[id] ?? id, sigName: (id: string) => rules.sigs.get(id)?.name ?? id };
const issue = { number: 8, url: 'https://github.com/kubernetes/k8s.io/issues/8' };
const change: Change = {
  ...announced(),
  pr: { repo: 'kubernetes/k8s.io', number: 7, url: 'https://github.com/kubernetes/k8s.io/pull/7' },
  lazy: { ...announced().lazy!, generation: 1, issue, startedAt: T0, deadline: new Date('2026-04-13T12:00:00Z'), noticeUrl: 'https://groups.google.com/a/kubernetes.io/g/dev/c/Xyz' },
  message: { channel: 'C1', ts: '1.2', permalink: 'https://kubernetes.slack.com/archives/C1/p12' },
};
const reviews: Review[] = [
  { reviewer: 'U0NIKHITA', verdict: 'approve', reason: '', at: T0, source: 'slack' },
  { reviewer: 'github:someone', verdict: 'object', reason: 'needs a mirror', at: T0, source: 'github' },
];
const hostile: Change = { ...change, title: `T ${HOSTILE}`, description: HOSTILE, rollbackPlan: HOSTILE, tierReasons: [HOSTILE], incidentFlags: [] };

describe('change views', () => {
  it('the form: within Slack’s limits, its tier choice from the floor, the PR preview', () => {
    const empty = announceModal({ metadata: { c: 'C1', z: 'Europe/Belgrade' }, services: [{ id: 'gke', name: 'GKE clusters' }], sigs: [{ id: 'sig-testing', name: 'SIG Testing' }], answersTier: undefined, floor: undefined });
    const pv = prPreviewText({ url: change.pr!.url, fileCount: 2, pathTier: 'high', rules: ['Group restrictions'], approvers: ['ameukam', 'nikhita'] });
    const read = announceModal({ metadata: { c: 'C1', z: 'Europe/Belgrade', pr: change.pr!.url, pt: 'high', pv }, services: [], sigs: [], answersTier: 'low', floor: 'high' });
    for (const v of [empty, read]) expect(checkView(v, 'modal')).toEqual([]);
    expect(JSON.stringify(read)).toContain('"block_id":"changes.tier.high"');
    expect(JSON.stringify(read)).toContain('Raised by the pull request’s files.');
    expect(prPreviewText({ url: 'x', error: `no PR ${HOSTILE}` })).not.toContain('<!channel>');
    expect({ empty, read }).toMatchSnapshot();
  });

  it('the object and notice forms', () => {
    const views = { object: objectModal(change.id, HOSTILE, 'C1'), notice: noticeLinkModal(change.id, rules.notice.archive, 'C1') };
    for (const v of Object.values(views)) expect(checkView(v, 'modal')).toEqual([]);
    expect(unescapedHostile(views.object)).toEqual([]);
    expect(views).toMatchSnapshot();
  });

  it('the change’s message, the DM, the SIG post, the window, the decision: within limits, user text escaped', () => {
    const notice = noticeFor(change, { to: 'dev@kubernetes.io', serviceNames: ['GKE clusters'], sigNames: [], issueUrl: issue.url, deadline: change.lazy!.deadline! });
    const nctx = { to: 'dev@kubernetes.io', serviceNames: ['GKE clusters'], sigNames: [], issueUrl: issue.url, deadline: change.lazy!.deadline! };
    const messages = {
      change: changeMessage(change, reviews, rules, names),
      windowOpen: changeMessage({ ...change, windowAnnouncedAt: T0, incidentFlags: ['open SEV2 incident on gke: aaa down'] }, reviews, rules, names),
      finished: changeMessage({ ...change, state: 'done' }, reviews, rules, names),
      dm: reviewRequestMessage(change, rules, names),
      shared: sharedMessage(change, rules, names),
      notice: noticeMessage(change, notice, mailtoLink(notice, change, nctx), false),
      relayed: noticeMessage(change, notice, mailtoLink(notice, change, nctx), true),
      window: windowMessage(change, ['not cleared yet: do not start until it is'], names, true),
      decide: decideMessage(change, 'Lazy consensus *not* reached'),
    };
    for (const m of Object.values(messages)) expect(checkBlocks(m.blocks, 'message')).toEqual([]);
    expect(JSON.stringify(messages.finished)).not.toContain('changes.approve');
    expect(JSON.stringify(messages.windowOpen)).toContain('changes.done');
    expect(JSON.stringify(messages.relayed)).not.toContain('mailto:');
    for (const m of [changeMessage(hostile, reviews, rules, names), reviewRequestMessage(hostile, rules, names), sharedMessage(hostile, rules, names), windowMessage(hostile, [], names, true)]) {
      expect(unescapedHostile(m)).toEqual([]);
      expect(checkBlocks(m.blocks, 'message')).toEqual([]);
    }
    expect(messages).toMatchSnapshot();
  });

  it('a description of Slack’s longest still fits', () => {
    const long = { ...change, title: 'x'.repeat(150), description: 'y'.repeat(3000), rollbackPlan: 'z'.repeat(3000), tierReasons: ['r'.repeat(2500)] };
    expect(checkBlocks(changeMessage(long, reviews, rules, names).blocks, 'message')).toEqual([]);
    expect(checkBlocks(sharedMessage(long, rules, names).blocks, 'message')).toEqual([]);
  });

  it('the list and the decisions log', () => {
    const decided: Change = { ...change, state: 'done', decidedAt: new Date('2026-04-13T12:00:00Z') };
    const lists = {
      open: changeList([{ change, reviews }], rules),
      none: changeList([], rules),
      decisions: decisionsList([decided], 'gke'),
      nothing: decisionsList([], `q ${HOSTILE}`),
    };
    for (const m of Object.values(lists)) expect(checkBlocks(m.blocks, 'message')).toEqual([]);
    expect(unescapedHostile(lists.nothing)).toEqual([]);
    const log = JSON.stringify(lists.decisions);
    for (const link of [issue.url, change.pr!.url, change.lazy!.noticeUrl!, change.message!.permalink!]) expect(log).toContain(link);
    const many = changeList(Array.from({ length: 60 }, (_, i) => ({ change: { ...change, id: `chg-${String(i).padStart(8, '0')}` }, reviews })), rules);
    expect(checkBlocks(many.blocks, 'message')).toEqual([]);
    expect(lists).toMatchSnapshot();
  });
});
