import { describe, expect, it } from 'vitest';
import type { AccessRequest, Actor } from '../../../src/access/domain/access-request.ts';
import {
  approveAccessRequest,
  attachSlackThread,
  cancelAccessRequest,
  denyAccessRequest,
  expireAccess,
  failAccessRequest,
  pendingPullRequestChange,
  recordNoChangeNeeded,
  recordPullRequestClosed,
  recordPullRequestOpened,
  remindBeforeExpiry,
  requestAccess,
  type AccessPolicy,
} from '../../../src/access/domain/access-request-lifecycle.ts';
import { requiredApprovalsFor } from '../../../src/access/domain/approval-rules.ts';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import { K8S_IO_CHECKOUT } from '../helpers/fixtures.ts';

const policy: AccessPolicy = { channel: 'wg-k8s-infra', twoApproverPattern: '-admins@', reminderDaysBeforeExpiry: 3 };
const rules = { maxTemporaryAccessDays: 365, lockedGroups: ['k8s-infra-group-admins@kubernetes.io'] };
const t0 = new Date('2022-02-01T10:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const requester: Actor = { slackUserId: 'UJIM', github: 'jimangel', email: 'jameswangel@gmail.com', name: 'Jim Angel' };
const cpanato: Actor = { slackUserId: 'UCARLOS', github: 'cpanato' };
const puerco: Actor = { slackUserId: 'UPUERCO', github: 'Puerco' };
const stranger: Actor = { slackUserId: 'USTRANGER', github: 'someone-else' };

const K8S_IO = 'kubernetes/k8s.io';

describe('access request lifecycle', async () => {
  const catalog = await loadGroupCatalog(new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT));
  const editors = catalog.find('k8s-infra-release-editors@kubernetes.io')!;
  const releaseAdmins = catalog.find('k8s-infra-release-admins@kubernetes.io')!;

  function submit(group: string, until?: string): AccessRequest {
    const r = requestAccess({
      id: 'req-1',
      requester,
      input: { group, email: 'new.person@example.com', justification: 'Release Manager shadow for 1.24', ...(until ? { until } : {}) },
      catalog,
      rules,
      policy,
      now: t0,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.request;
  }

  it('submit: validates, then posts to the approval channel and audits', () => {
    const bad = requestAccess({ id: 'x', requester, input: { group: 'nope@kubernetes.io', email: 'x', justification: '' }, catalog, rules, policy, now: t0 });
    expect(bad.ok).toBe(false);

    const r = requestAccess({
      id: 'req-1',
      requester,
      input: { group: editors.emailId, email: 'new.person@example.com', justification: 'Release Manager shadow for 1.24' },
      catalog,
      rules,
      policy,
      now: t0,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toMatchObject({
      id: 'req-1',
      status: 'pending',
      group: { emailId: editors.emailId, name: 'k8s-infra-release-editors', file: 'groups/sig-release/groups.yaml' },
      requiredApprovals: 1,
      approvals: [],
      version: 1,
      createdAt: t0.toISOString(),
    });
    expect(r.effects.map((e) => e.type)).toEqual(['post-approval-request', 'audit']);
    expect(r.effects[0]).toEqual({ type: 'post-approval-request', key: 'req-1:post', requestId: 'req-1', channel: 'wg-k8s-infra', approvers: [...editors.approvers] });
  });

  it('one approver suffices for an ordinary group; the approval opens a PR', () => {
    const req = submit(editors.emailId);
    const r = approveAccessRequest(req, cpanato, editors.approvers, later(5));
    expect(r).toMatchObject({ changed: true, outcome: 'approved', request: { status: 'approved', version: 2 } });
    expect(r.effects.map((e) => e.type)).toEqual(['open-pr', 'update-approval-message', 'notify-requester', 'audit']);
    expect(r.effects[0]).toEqual({ type: 'open-pr', key: 'req-1:open-pr:add', requestId: 'req-1', change: 'add' });
    expect(pendingPullRequestChange(r.request)).toBe('add');
    // A second click, by anyone, changes nothing.
    expect(approveAccessRequest(r.request, cpanato, editors.approvers, later(6))).toMatchObject({ changed: false, outcome: 'already-decided', effects: [] });
  });

  it('-admins@ groups need two distinct approvers; a double click is not a second approval', () => {
    expect(requiredApprovalsFor(releaseAdmins.emailId, '-admins@')).toBe(2);
    expect(requiredApprovalsFor(editors.emailId, '-admins@')).toBe(1);
    const req = submit(releaseAdmins.emailId);
    expect(req.requiredApprovals).toBe(2);
    const first = approveAccessRequest(req, cpanato, releaseAdmins.approvers, later(1));
    expect(first).toMatchObject({ outcome: 'approval-recorded', request: { status: 'pending' }, message: 'Approval recorded; one more approver is needed.' });
    expect(first.effects.map((e) => e.type)).toEqual(['update-approval-message', 'audit']);
    const again = approveAccessRequest(first.request, cpanato, releaseAdmins.approvers, later(2));
    expect(again).toMatchObject({ changed: false, outcome: 'duplicate', effects: [] });
    expect(again.request).toBe(first.request);
    // GitHub handles compare case-insensitively: @Puerco is the alias member `puerco`.
    const second = approveAccessRequest(first.request, puerco, releaseAdmins.approvers, later(3));
    expect(second).toMatchObject({ outcome: 'approved', request: { status: 'approved' } });
    expect(second.request.approvals.map((a) => a.github)).toEqual(['cpanato', 'Puerco']);
  });

  it('refuses: the requester, the subject, unknown GitHub handle, non-approvers', () => {
    const req = submit(editors.emailId);
    expect(approveAccessRequest(req, { ...requester, github: 'cpanato' }, editors.approvers, later(1)).outcome).toBe('own-request');
    expect(approveAccessRequest(req, { slackUserId: 'UOTHER', github: 'JimAngel' }, editors.approvers, later(1)).outcome).toBe('own-request');
    expect(approveAccessRequest(req, { slackUserId: 'UX', github: 'cpanato', email: 'New.Person@example.com' }, editors.approvers, later(1)).outcome).toBe('own-address');
    expect(approveAccessRequest(req, { slackUserId: 'UX' }, editors.approvers, later(1)).outcome).toBe('no-github');
    const r = approveAccessRequest(req, stranger, editors.approvers, later(1));
    expect(r).toMatchObject({ changed: false, outcome: 'not-approver' });
    expect(r.message).toMatch(/^Only approvers of groups\/sig-release\/groups.yaml can decide \(@cpanato, @jeremyrickard/);
  });

  it('an approver removed from OWNERS since is refused, and their earlier approval stops counting', () => {
    const req = submit(releaseAdmins.emailId);
    const first = approveAccessRequest(req, cpanato, releaseAdmins.approvers, later(1));
    const withoutCpanato = releaseAdmins.approvers.filter((a) => a !== 'cpanato');
    expect(approveAccessRequest(first.request, cpanato, withoutCpanato, later(2)).outcome).toBe('not-approver');
    const second = approveAccessRequest(first.request, puerco, withoutCpanato, later(3));
    expect(second).toMatchObject({ outcome: 'approval-recorded', request: { status: 'pending' } });
    const third = approveAccessRequest(second.request, { slackUserId: 'USASCHA', github: 'saschagrunert' }, withoutCpanato, later(4));
    expect(third).toMatchObject({ outcome: 'approved' });
  });

  it('deny needs an approver and a reason; cancel only by the requester, only while pending', () => {
    const req = submit(editors.emailId);
    expect(denyAccessRequest(req, cpanato, '  ', editors.approvers, later(1)).outcome).toBe('reason-required');
    expect(denyAccessRequest(req, stranger, 'no', editors.approvers, later(1)).outcome).toBe('not-approver');
    const denied = denyAccessRequest(req, cpanato, 'Not on the release team', editors.approvers, later(1));
    expect(denied).toMatchObject({ outcome: 'denied', request: { status: 'denied', denial: { github: 'cpanato', reason: 'Not on the release team' } } });
    expect(denied.effects.find((e) => e.type === 'notify-requester')).toMatchObject({ slackUserId: 'UJIM', text: expect.stringContaining('Not on the release team') });
    expect(approveAccessRequest(denied.request, puerco, editors.approvers, later(2))).toMatchObject({ changed: false, message: 'Already denied by @cpanato.' });

    expect(cancelAccessRequest(req, cpanato, later(1)).outcome).toBe('not-requester');
    expect(cancelAccessRequest(req, requester, later(1))).toMatchObject({ outcome: 'cancelled', request: { status: 'cancelled' } });
    expect(cancelAccessRequest(denied.request, requester, later(2)).changed).toBe(false);
  });

  it('approved → pr_opened → fulfilled (merged) | closed; repeats change nothing', () => {
    const approved = approveAccessRequest(submit(editors.emailId), cpanato, editors.approvers, later(1)).request;
    const pr = { number: 3100, url: 'https://github.com/kubernetes/k8s.io/pull/3100', branch: 'k8s-infra-bot/access-req-1' };
    const opened = recordPullRequestOpened(approved, pr, later(2));
    expect(opened).toMatchObject({ outcome: 'pr-opened', request: { status: 'pr_opened', pullRequest: pr } });
    expect(recordPullRequestOpened(opened.request, pr, later(3)).changed).toBe(false);
    expect(pendingPullRequestChange(opened.request)).toBeUndefined();

    // Same number from a fork (a branch of the same name pushed elsewhere) is not this pull request.
    expect(recordPullRequestClosed(opened.request, { number: 3100, branch: pr.branch, merged: false, headRepo: 'mallory/k8s.io' }, later(4), policy, K8S_IO)).toMatchObject({ changed: false, outcome: 'ignored' });
    // Recorded head repository wins over the configured one.
    expect(recordPullRequestClosed({ ...opened.request, pullRequest: { ...pr, headRepo: 'k8s-infra-bot/k8s.io' } }, { number: 3100, branch: pr.branch, merged: true, headRepo: 'k8s-infra-bot/k8s.io' }, later(4), policy, K8S_IO).outcome).toBe('fulfilled');
    const other = recordPullRequestClosed(opened.request, { number: 9999, branch: 'someone/else', merged: true, headRepo: K8S_IO }, later(4), policy, K8S_IO);
    expect(other).toMatchObject({ changed: false, outcome: 'ignored' });
    const merged = recordPullRequestClosed(opened.request, { number: 3100, branch: pr.branch, merged: true, headRepo: K8S_IO }, later(4), policy, K8S_IO);
    expect(merged).toMatchObject({ outcome: 'fulfilled', request: { status: 'fulfilled' } });
    // Permanent access schedules nothing.
    expect(merged.effects.some((e) => e.type === 'schedule')).toBe(false);
    expect(recordPullRequestClosed(merged.request, { number: 3100, branch: pr.branch, merged: true, headRepo: K8S_IO }, later(5), policy, K8S_IO).changed).toBe(false);

    const closed = recordPullRequestClosed(opened.request, { number: 3100, branch: pr.branch, merged: false, headRepo: K8S_IO }, later(4), policy, K8S_IO);
    expect(closed).toMatchObject({ outcome: 'closed', request: { status: 'closed' } });
  });

  it('temporary access: reminder 3 days before, removal PR at expiry, expired when merged', () => {
    const req = submit(editors.emailId, '2022-03-31');
    expect(req).toMatchObject({ until: '2022-03-31', expiresAt: '2022-04-01T00:00:00.000Z' });
    const approved = approveAccessRequest(req, cpanato, editors.approvers, later(1)).request;
    const pr = { number: 3100, url: 'https://github.com/kubernetes/k8s.io/pull/3100', branch: 'k8s-infra-bot/access-req-1' };
    const opened = recordPullRequestOpened(approved, pr, later(2)).request;
    const merged = recordPullRequestClosed(opened, { number: 3100, branch: pr.branch, merged: true, headRepo: K8S_IO }, later(3), policy, K8S_IO);
    expect(merged.effects.filter((e) => e.type === 'schedule')).toEqual([
      { type: 'schedule', key: 'access:req-1:expiry-reminder', requestId: 'req-1', job: 'expiry-reminder', dueAt: new Date('2022-03-29T00:00:00Z') },
      { type: 'schedule', key: 'access:req-1:expiry', requestId: 'req-1', job: 'expiry', dueAt: new Date('2022-04-01T00:00:00Z') },
    ]);
    const fulfilled = merged.request;

    const reminded = remindBeforeExpiry(fulfilled, new Date('2022-03-29T00:00:05Z'), policy);
    expect(reminded).toMatchObject({ outcome: 'reminded', request: { status: 'fulfilled', reminderSentAt: '2022-03-29T00:00:05.000Z' } });
    expect(reminded.effects[0]).toMatchObject({ type: 'notify-requester', slackUserId: 'UJIM', text: expect.stringContaining('ends after 2022-03-31') });
    expect(remindBeforeExpiry(reminded.request, new Date('2022-03-29T00:01:00Z'), policy).outcome).toBe('duplicate');

    expect(expireAccess(reminded.request, new Date('2022-03-31T23:59:59Z')).outcome).toBe('not-yet');
    const expiring = expireAccess(reminded.request, new Date('2022-04-01T00:00:01Z'));
    expect(expiring).toMatchObject({ outcome: 'expiring', request: { status: 'expiring' } });
    expect(expiring.effects[0]).toEqual({ type: 'open-pr', key: 'req-1:open-pr:remove', requestId: 'req-1', change: 'remove' });
    expect(pendingPullRequestChange(expiring.request)).toBe('remove');
    expect(expireAccess(expiring.request, new Date('2022-04-01T00:00:02Z')).changed).toBe(false);

    const removal = { number: 3300, url: 'https://github.com/kubernetes/k8s.io/pull/3300', branch: 'k8s-infra-bot/access-req-1-removal' };
    const removalOpened = recordPullRequestOpened(expiring.request, removal, new Date('2022-04-01T00:01:00Z'));
    expect(removalOpened.request).toMatchObject({ status: 'removal_pr_opened', removalPullRequest: removal, pullRequest: pr });
    // The old grant PR closing again (a redelivered webhook) is not the removal.
    expect(recordPullRequestClosed(removalOpened.request, { number: 3100, branch: pr.branch, merged: true, headRepo: K8S_IO }, new Date('2022-04-02'), policy, K8S_IO).changed).toBe(false);
    const expired = recordPullRequestClosed(removalOpened.request, { number: 3300, branch: removal.branch, merged: true, headRepo: K8S_IO }, new Date('2022-04-02'), policy, K8S_IO);
    expect(expired).toMatchObject({ outcome: 'expired', request: { status: 'expired' } });

    const declined = recordPullRequestClosed(removalOpened.request, { number: 3300, branch: removal.branch, merged: false, headRepo: K8S_IO }, new Date('2022-04-02'), policy, K8S_IO);
    expect(declined).toMatchObject({ outcome: 'removal-declined', request: { status: 'fulfilled', removalDeclinedAt: expect.any(String) } });
    expect(declined.effects.find((e) => e.type === 'notify-approvers')).toMatchObject({ approvers: ['cpanato'] });
    expect(expireAccess(declined.request, new Date('2022-04-03')).changed).toBe(false);
  });

  it('a grant merged after the reminder time gets no reminder, only the expiry', () => {
    const req = submit(editors.emailId, '2022-02-03');
    const approved = approveAccessRequest(req, cpanato, editors.approvers, later(1)).request;
    const opened = recordPullRequestOpened(approved, { number: 1, url: 'u', branch: 'b' }, later(2)).request;
    const merged = recordPullRequestClosed(opened, { number: 1, branch: 'b', merged: true, headRepo: K8S_IO }, later(3), policy, K8S_IO);
    expect(merged.effects.filter((e) => e.type === 'schedule').map((e) => (e.type === 'schedule' ? e.job : ''))).toEqual(['expiry']);
  });

  it('no change needed: permanent → fulfilled; temporary → failed (it would remove someone else’s grant)', () => {
    const approved = approveAccessRequest(submit(editors.emailId), cpanato, editors.approvers, later(1)).request;
    expect(recordNoChangeNeeded(approved, 'already a member', later(2))).toMatchObject({ outcome: 'fulfilled', request: { status: 'fulfilled' } });
    const temp = approveAccessRequest(submit(editors.emailId, '2022-03-01'), cpanato, editors.approvers, later(1)).request;
    expect(recordNoChangeNeeded(temp, 'already a member', later(2))).toMatchObject({ outcome: 'failed', request: { status: 'failed' } });
  });

  it('failure is recorded once, with both sides told', () => {
    const approved = approveAccessRequest(submit(editors.emailId), cpanato, editors.approvers, later(1)).request;
    const failed = failAccessRequest(approved, 'groups.yaml is not valid YAML', later(2));
    expect(failed.request).toMatchObject({ status: 'failed', failure: { reason: 'groups.yaml is not valid YAML' } });
    expect(failed.effects.map((e) => e.type)).toEqual(['update-approval-message', 'notify-requester', 'notify-approvers', 'audit']);
    expect(failAccessRequest(failed.request, 'again', later(3)).changed).toBe(false);
  });

  it('effect keys are stable: recomputing a transition gives the same keys', () => {
    const req = submit(editors.emailId);
    const a = approveAccessRequest(req, cpanato, editors.approvers, later(1));
    const b = approveAccessRequest(req, cpanato, editors.approvers, later(2));
    expect(a.effects.map((e) => e.key)).toEqual(b.effects.map((e) => e.key));
    const keys = a.effects.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('attachSlackThread records once', () => {
    const req = submit(editors.emailId);
    const thread = { channel: 'CCK68P2Q2', ts: '1643709600.000100' };
    const r = attachSlackThread(req, thread, later(1));
    expect(r.request.slackThread).toEqual(thread);
    expect(attachSlackThread(r.request, thread, later(2)).changed).toBe(false);
  });
});
