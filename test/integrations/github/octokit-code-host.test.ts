import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import { approveAccessRequest, recordPullRequestClosed, recordPullRequestOpened } from '../../../src/access/domain/access-request-lifecycle.ts';
import { GroupsYamlEditError } from '../../../src/access/domain/edit-group-members.ts';
import { parsePullRequestClosed, verifyGithubSignature } from '../../../src/integrations/github/webhook-events.ts';
import { isPermanentPullRequestError, openAccessPullRequest } from '../../../src/access/use-cases/open-access-pull-request.ts';
import { createGithubClient } from '../../../src/integrations/github/create-github-client.ts';
import { OctokitCodeHost } from '../../../src/integrations/github/octokit-code-host.ts';
import { readK8sIo } from '../../access/helpers/fixtures.ts';
import { lineDiff, parsePatch, reverseApply } from '../../access/helpers/unified-diff.ts';
import { FakeGithub, signGithubWebhook } from './fake-github.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-release/groups.yaml';
const TOKEN = 'ghp_test_token';
const after = readK8sIo(FILE);
const before = reverseApply(after, parsePatch(readK8sIo('sample-prs/access-request-0ba2a2776.patch'))[0]!);
const BRANCH = 'k8s-infra-bot/access-req-1';

const pending: AccessRequest = {
  id: 'req-1',
  status: 'pending',
  group: { emailId: 'k8s-infra-release-editors@kubernetes.io', name: 'k8s-infra-release-editors', file: FILE },
  memberEmail: 'jameswangel@gmail.com',
  requester: { slackUserId: 'UJIM', github: 'jimangel', name: 'Jim Angel' },
  justification: 'releng: temp RM access for Jim Angel',
  until: '2022-03-31',
  expiresAt: '2022-04-01T00:00:00.000Z',
  requiredApprovals: 1,
  approversAtRequest: ['cpanato'],
  approvals: [],
  slackThread: { channel: 'CCK68P2Q2', ts: '1643104800.000100', permalink: 'https://kubernetes.slack.com/archives/CCK68P2Q2/p1643104800000100' },
  createdAt: '2022-01-25T09:00:00.000Z',
  updatedAt: '2022-01-25T09:00:00.000Z',
  version: 1,
};
const approved: AccessRequest = { ...pending, status: 'approved', approvals: [{ slackUserId: 'UCARLOS', github: 'cpanato', at: '2022-01-25T10:00:00.000Z' }], version: 2 };
const args = { request: approved, change: 'add' as const, baseBranch: 'main', ownersApprovers: ['cpanato', 'justaugustus'] };

let fake: FakeGithub;
let host: OctokitCodeHost;

beforeAll(async () => {
  fake = await FakeGithub.start({ token: TOKEN });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.addRepo(REPO, { [FILE]: before, 'OWNERS_ALIASES': readK8sIo('OWNERS_ALIASES') });
  fake.clearFaults();
  fake.requests.length = 0;
  host = new OctokitCodeHost(createGithubClient({ token: TOKEN, baseUrl: fake.url }), { repo: REPO });
});

describe('OctokitCodeHost against the fake GitHub', () => {
  it('happy path: branch, one commit with the one-line change, PR naming requester, approvers, thread and expiry', async () => {
    const r = await openAccessPullRequest(host, args);
    expect(r).toMatchObject({ kind: 'opened', pullRequest: { number: 1, url: 'https://github.com/kubernetes/k8s.io/pull/1', branch: BRANCH } });
    expect(fake.fileAt(REPO, BRANCH, FILE)).toBe(after);
    expect(lineDiff(before, fake.fileAt(REPO, BRANCH, FILE)!)).toEqual({ added: ['      - jameswangel@gmail.com'], removed: [] });
    expect(fake.fileAt(REPO, 'main', FILE)).toBe(before);

    const [pr] = fake.pullRequests(REPO);
    expect(pr).toMatchObject({ title: 'groups: add jameswangel@gmail.com to k8s-infra-release-editors until 2022-03-31', headRef: BRANCH, baseRef: 'main', state: 'open' });
    expect(pr!.body).toContain('**Requested by:** Jim Angel (@jimangel)');
    expect(pr!.body).toContain('> releng: temp RM access for Jim Angel');
    expect(pr!.body).toContain('**Approved in Slack by:** @cpanato');
    expect(pr!.body).toContain('**Slack thread:** https://kubernetes.slack.com/archives/CCK68P2Q2/p1643104800000100');
    expect(pr!.body).toContain('**Temporary access:** until 2022-03-31');
    expect(pr!.body).toContain('@cpanato @justaugustus');

    expect(fake.writes().map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST /repos/kubernetes/k8s.io/git/refs',
      `PUT /repos/kubernetes/k8s.io/contents/${FILE}`,
      'POST /repos/kubernetes/k8s.io/pulls',
    ]);
  });

  it('a 500 in the middle, then a retry resumes: one branch, one commit, one PR', async () => {
    fake.failNext({ method: 'PUT', path: '/contents/' });
    await expect(openAccessPullRequest(host, args)).rejects.toMatchObject({ status: 500 });
    expect(fake.branchHead(REPO, BRANCH)).toBe(fake.branchHead(REPO, 'main'));
    expect(fake.pullRequests(REPO)).toHaveLength(0);

    // Second attempt: the PR is created but the answer is lost.
    fake.failNext({ method: 'POST', path: /\/pulls$/, after: true, status: 502 });
    await expect(openAccessPullRequest(host, args)).rejects.toMatchObject({ status: 502 });
    expect(fake.pullRequests(REPO)).toHaveLength(1);

    const r = await openAccessPullRequest(host, args);
    expect(r).toMatchObject({ kind: 'resumed', pullRequest: { number: 1, branch: BRANCH } });
    expect(fake.pullRequests(REPO)).toHaveLength(1);
    expect(fake.fileAt(REPO, BRANCH, FILE)).toBe(after);
    expect(fake.writes().filter((w) => w.method === 'PUT' && w.status === 200)).toHaveLength(1);
  });

  it('a lost answer to the commit does not commit twice', async () => {
    fake.failNext({ method: 'PUT', path: '/contents/', after: true });
    await expect(openAccessPullRequest(host, args)).rejects.toMatchObject({ status: 500 });
    const r = await openAccessPullRequest(host, args);
    expect(r.kind).toBe('resumed');
    expect(fake.fileAt(REPO, BRANCH, FILE)).toBe(after);
    expect(fake.writes().filter((w) => w.method === 'PUT')).toHaveLength(1);
  });

  it('an unparseable groups.yaml: clear error, nothing created', async () => {
    fake.pushFile(REPO, 'main', FILE, `${before}  - email-id: [oops\n`);
    const err = await openAccessPullRequest(host, args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GroupsYamlEditError);
    expect(isPermanentPullRequestError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^groups.yaml is not valid YAML \(/);
    expect(fake.writes()).toEqual([]);
    expect(fake.branches(REPO)).toEqual(['main']);
  });

  it('reads: missing file and branch are undefined; a wrong token is an error', async () => {
    expect(await host.getFile('base', 'groups/nope.yaml', 'main')).toBeUndefined();
    expect(await host.getBranchHead('base', 'nope')).toBeUndefined();
    expect(await host.getFile('base', FILE, 'main')).toEqual({ content: before, sha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const anonymous = new OctokitCodeHost(createGithubClient({ token: 'wrong', baseUrl: fake.url }), { repo: REPO });
    await expect(anonymous.getBranchHead('base', 'main')).rejects.toMatchObject({ status: 401 });
  });

  it('branch and PR that already exist are reused', async () => {
    const base = (await host.getBranchHead('base', 'main'))!;
    expect(await host.createBranch('x', base)).toBe('created');
    expect(await host.createBranch('x', base)).toBe('exists');
    const file = (await host.getFile('head', FILE, 'x'))!;
    await host.commitFile({ branch: 'x', path: FILE, content: after, sha: file.sha, message: 'm' });
    const first = await host.createPullRequest({ branch: 'x', base: 'main', title: 't', body: 'b' });
    const second = await host.createPullRequest({ branch: 'x', base: 'main', title: 't', body: 'b' });
    expect(second).toEqual(first);
    expect(await host.findPullRequest('x')).toEqual({ headRepo: REPO, number: 1, url: 'https://github.com/kubernetes/k8s.io/pull/1', branch: 'x', state: 'open', merged: false });
  });

  it('from a fork: branch in the fork, PR upstream with owner:branch', async () => {
    fake.forkRepo(REPO, 'k8s-infra-bot/k8s.io');
    const forkHost = new OctokitCodeHost(createGithubClient({ token: TOKEN, baseUrl: fake.url }), { repo: REPO, headRepo: 'k8s-infra-bot/k8s.io' });
    const r = await openAccessPullRequest(forkHost, args);
    expect(r).toMatchObject({ kind: 'opened', pullRequest: { number: 1, branch: BRANCH } });
    expect(fake.branches(REPO)).toEqual(['main']);
    expect(fake.fileAt('k8s-infra-bot/k8s.io', BRANCH, FILE)).toBe(after);
    expect(fake.pullRequests(REPO)[0]).toMatchObject({ headRepo: 'k8s-infra-bot/k8s.io', headRef: BRANCH });
    expect(await openAccessPullRequest(forkHost, args)).toMatchObject({ kind: 'resumed', pullRequest: { number: 1 } });
  });

  it('end to end: approve → PR → merge webhook (signed) → fulfilled with expiry scheduled', async () => {
    const policy = { channel: 'wg-k8s-infra', twoApproverPattern: '-admins@', reminderDaysBeforeExpiry: 3 };
    const approval = approveAccessRequest(pending, { slackUserId: 'UCARLOS', github: 'cpanato' }, ['cpanato'], new Date('2022-01-25T10:00:00Z'));
    expect(approval.effects[0]).toMatchObject({ type: 'open-pr', change: 'add' });
    const opened = await openAccessPullRequest(host, { ...args, request: approval.request });
    if (opened.kind === 'no-change') throw new Error('expected a PR');
    const withPr = recordPullRequestOpened(approval.request, opened.pullRequest, new Date('2022-01-25T10:00:05Z')).request;

    fake.mergePullRequest(REPO, opened.pullRequest.number);
    expect(fake.fileAt(REPO, 'main', FILE)).toBe(after);
    const raw = JSON.stringify(fake.pullRequestEvent(REPO, opened.pullRequest.number));
    const signature = signGithubWebhook('webhook-secret', raw);
    expect(verifyGithubSignature('webhook-secret', raw, signature)).toBe(true);
    const event = parsePullRequestClosed('pull_request', JSON.parse(raw))!;
    expect(event).toMatchObject({ number: 1, merged: true, branch: BRANCH });

    const done = recordPullRequestClosed(withPr, event, new Date('2022-01-25T20:00:00Z'), policy, REPO);
    expect(done.request.status).toBe('fulfilled');
    expect(done.effects.filter((e) => e.type === 'schedule').map((e) => (e.type === 'schedule' ? [e.job, e.dueAt.toISOString()] : []))).toEqual([
      ['expiry-reminder', '2022-03-29T00:00:00.000Z'],
      ['expiry', '2022-04-01T00:00:00.000Z'],
    ]);

    // At expiry the removal PR takes the line out again.
    const removal = await openAccessPullRequest(host, { ...args, request: { ...done.request, status: 'expiring' }, change: 'remove' });
    expect(removal).toMatchObject({ kind: 'opened', pullRequest: { number: 2, branch: `${BRANCH}-removal` } });
    expect(fake.fileAt(REPO, `${BRANCH}-removal`, FILE)).toBe(before);
  });
});
