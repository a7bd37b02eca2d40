import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIssuesTracker } from '../../../src/integrations/github/issues-tracker.ts';
import { FakeGithub } from './fake-github.ts';

const REPO = 'kubernetes/k8s.io';
const TOKEN = 'ghp_x';

describe('OctokitIssuesTracker against a local GitHub', () => {
  let github: FakeGithub;
  beforeAll(async () => {
    github = await FakeGithub.start({ token: TOKEN });
    github.addRepo(REPO, {});
  });
  beforeEach(() => {
    github.requests.length = 0;
  });
  afterAll(async () => {
    await github.close();
  });

  it('opens, comments on and closes an issue, and opens a review issue', async () => {
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo: REPO });
    const issue = await tracker.createIssue({ title: '[SEV2] x', body: 'body', labels: ['sig/k8s-infra', 'severity/sev2'], marker: '' });
    expect(issue).toEqual({ number: 1, url: 'https://github.com/kubernetes/k8s.io/issues/1' });
    await tracker.comment(1, 'update');
    await tracker.close(1);
    const review = await tracker.createReviewIssue({ title: 'Post-incident review: x', body: 'timeline', labels: [], marker: '' });
    expect(review.number).toBe(2);
    expect(github.issue(REPO, 1)).toMatchObject({ labels: ['sig/k8s-infra', 'severity/sev2'], comments: ['update'], state: 'closed', stateReason: 'completed' });
    expect(github.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /repos/kubernetes/k8s.io/issues 201',
      'POST /repos/kubernetes/k8s.io/issues/1/comments 201',
      'PATCH /repos/kubernetes/k8s.io/issues/1 200',
      'POST /repos/kubernetes/k8s.io/issues 201',
    ]);
  });

  it('finds its own issue after a create whose answer was lost, and never someone else’s', async () => {
    const repo = 'kubernetes/lost-answers';
    github.addRepo(repo, {});
    const since = new Date('2026-11-24T10:00:00Z');
    const marker = '<!-- k8s-infra-bot incident inc-abc -->';
    const labels = ['sig/k8s-infra'];
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo, author: github.login });
    // Someone copies the marker into an issue of their own first: it is not the bot's.
    github.addIssue(repo, { title: 'copy', body: `me too ${marker}`, labels, author: 'someone' });
    github.failNext({ method: 'POST', path: '/issues', drop: true });
    await expect(tracker.createIssue({ title: '[SEV2] x', body: `body\n\n${marker}`, labels: [...labels, 'severity/sev2'], marker })).rejects.toThrow(/GitHub create issue/);
    // GitHub did open it.
    expect(github.issues(repo).map((i) => [i.number, i.author])).toEqual([[1, 'someone'], [2, github.login]]);
    expect(await tracker.findIssue(marker, labels, since)).toEqual({ number: 2, url: `https://github.com/${repo}/issues/2` });
    const search = github.requests.find((r) => r.method === 'GET' && r.path === `/repos/${repo}/issues`);
    expect(search?.query).toMatchObject({ state: 'all', labels: 'sig/k8s-infra', creator: github.login, sort: 'created', direction: 'desc', per_page: '100' });
    expect(await tracker.findIssue('<!-- k8s-infra-bot incident inc-other -->', labels, since)).toBeUndefined();
    expect(await tracker.findIssue(marker, ['kind/post-incident-review'], since)).toBeUndefined();
    // Without the bot’s login configured, the marker and the labels alone decide.
    const unconfigured = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo });
    expect((await unconfigured.findIssue(marker, labels, since))?.number).toBe(2);
  });

  it('tells whether a comment with a marker is on the issue (one whose answer was lost)', async () => {
    const repo = 'kubernetes/lost-comments';
    github.addRepo(repo, {});
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo, author: github.login });
    await tracker.createIssue({ title: 't', body: '', labels: [], marker: '' });
    github.failNext({ method: 'POST', path: '/comments', drop: true });
    await expect(tracker.comment(1, 'update\n\n<!-- k8s-infra-bot comment k1 -->')).rejects.toThrow(/GitHub comment/);
    expect(github.issue(repo, 1)?.comments).toHaveLength(1);
    expect(await tracker.hasComment(1, '<!-- k8s-infra-bot comment k1 -->')).toBe(true);
    expect(await tracker.hasComment(1, '<!-- k8s-infra-bot comment k2 -->')).toBe(false);
  });

  it('names the HTTP status when GitHub is down', async () => {
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo: REPO });
    github.outage = true;
    try {
      await expect(tracker.createIssue({ title: 't', body: '', labels: [], marker: '' })).rejects.toThrow(/GitHub create issue: HTTP 503/);
      await expect(tracker.comment(1, 'x')).rejects.toThrow(/HTTP 503/);
    } finally {
      github.outage = false;
    }
  });

  it('names what GitHub refused, and a comment on an issue it does not have', async () => {
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo: REPO });
    github.failNext({ method: 'POST', path: '/issues', status: 502 });
    await expect(tracker.createIssue({ title: 't', body: '', labels: [], marker: '' })).rejects.toThrow(/GitHub create issue: HTTP 502/);
    await expect(tracker.comment(999, 'x')).rejects.toThrow(/GitHub comment: HTTP 404/);
  });
});
