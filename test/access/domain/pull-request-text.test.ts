import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import { branchForRequest, buildPullRequestText, neutralizeGithubReferences, requestMarker } from '../../../src/access/domain/pull-request-text.ts';

const request: AccessRequest = {
  id: 'V0123:abc/def',
  status: 'approved',
  group: { emailId: 'k8s-infra-release-editors@kubernetes.io', name: 'k8s-infra-release-editors', file: 'groups/sig-release/groups.yaml' },
  memberEmail: 'jameswangel@gmail.com',
  requester: { slackUserId: 'UJIM', github: 'jimangel', name: 'Jim Angel' },
  justification: 'Temp RM access for the 1.23.3 patch release.\nFixes #1234, cc @thockin',
  until: '2022-03-31',
  expiresAt: '2022-04-01T00:00:00.000Z',
  requiredApprovals: 1,
  approversAtRequest: ['cpanato'],
  approvals: [{ slackUserId: 'UCARLOS', github: 'cpanato', at: '2022-01-25T10:00:00.000Z' }],
  slackThread: { channel: 'CCK68P2Q2', ts: '1643104800.000100', permalink: 'https://kubernetes.slack.com/archives/CCK68P2Q2/p1643104800000100' },
  createdAt: '2022-01-25T09:00:00.000Z',
  updatedAt: '2022-01-25T10:00:00.000Z',
  version: 2,
};

describe('pull request text', () => {
  it('names the requester, justification, approvers, Slack thread and expiry', () => {
    const t = buildPullRequestText({ request, change: 'add', ownersApprovers: ['cpanato', 'justaugustus'] });
    expect(t.title).toBe('groups: add jameswangel@gmail.com to k8s-infra-release-editors until 2022-03-31');
    expect(t.body).toContain('Adds `jameswangel@gmail.com` to the members of `k8s-infra-release-editors@kubernetes.io` in `groups/sig-release/groups.yaml`.');
    expect(t.body).toContain('**Requested by:** Jim Angel (@jimangel)');
    expect(t.body).toContain('> Temp RM access for the 1.23.3 patch release.\n> Fixes #\u200b1234, cc @\u200bthockin');
    expect(t.body).toContain('**Approved in Slack by:** @cpanato');
    expect(t.body).toContain('**Temporary access:** until 2022-03-31 (inclusive). The bot opens a pull request to remove `jameswangel@gmail.com` on 2022-04-01 (UTC).');
    expect(t.body).toContain('**Slack thread:** https://kubernetes.slack.com/archives/CCK68P2Q2/p1643104800000100');
    expect(t.body).toContain('Approvers for `groups/sig-release/groups.yaml`: @cpanato @justaugustus');
    expect(t.body.endsWith(requestMarker(request.id, 'add'))).toBe(true);
    expect(t.commitMessage.split('\n')[0]).toBe(t.title);
    expect(t.commitMessage).toContain('approved in Slack by @cpanato');
  });

  it('user text cannot ping or close issues', () => {
    expect(neutralizeGithubReferences('closes #12 and GH-7 for @alice, mail a@b.c')).toBe('closes #\u200b12 and GH-\u200b7 for @\u200balice, mail a@b.c');
  });

  it('removal text refers to the grant', () => {
    const t = buildPullRequestText({
      request: { ...request, status: 'expiring', pullRequest: { number: 3100, url: 'u', branch: 'b' } },
      change: 'remove',
      ownersApprovers: [],
    });
    expect(t.title).toBe('groups: remove jameswangel@gmail.com from k8s-infra-release-editors (temporary access ended 2022-03-31)');
    expect(t.body).toContain('the temporary access granted in #3100 ended after 2022-03-31');
  });

  it('branch names are stable, valid refs, one per change', () => {
    expect(branchForRequest(request.id, 'add')).toBe('k8s-infra-bot/access-V0123-abc-def');
    expect(branchForRequest(request.id, 'remove')).toBe('k8s-infra-bot/access-V0123-abc-def-removal');
    expect(branchForRequest('..weird..id..', 'add')).toBe('k8s-infra-bot/access-weird.id');
  });
});
