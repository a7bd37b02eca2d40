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
    const issue = await tracker.createIssue({ title: '[SEV2] x', body: 'body', labels: ['sig/k8s-infra', 'severity/sev2'] });
    expect(issue).toEqual({ number: 1, url: 'https://github.com/kubernetes/k8s.io/issues/1' });
    await tracker.comment(1, 'update');
    await tracker.close(1);
    const review = await tracker.createReviewIssue({ title: 'Post-incident review: x', body: 'timeline', labels: [] });
    expect(review.number).toBe(2);
    expect(github.issue(REPO, 1)).toMatchObject({ labels: ['sig/k8s-infra', 'severity/sev2'], comments: ['update'], state: 'closed', stateReason: 'completed' });
    expect(github.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /repos/kubernetes/k8s.io/issues 201',
      'POST /repos/kubernetes/k8s.io/issues/1/comments 201',
      'PATCH /repos/kubernetes/k8s.io/issues/1 200',
      'POST /repos/kubernetes/k8s.io/issues 201',
    ]);
  });

  it('names the HTTP status when GitHub is down', async () => {
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo: REPO });
    github.outage = true;
    try {
      await expect(tracker.createIssue({ title: 't', body: '', labels: [] })).rejects.toThrow(/GitHub create issue: HTTP 503/);
      await expect(tracker.comment(1, 'x')).rejects.toThrow(/HTTP 503/);
    } finally {
      github.outage = false;
    }
  });

  it('names what GitHub refused, and a comment on an issue it does not have', async () => {
    const tracker = createIssuesTracker({ baseUrl: github.url, token: TOKEN, repo: REPO });
    github.failNext({ method: 'POST', path: '/issues', status: 502 });
    await expect(tracker.createIssue({ title: 't', body: '', labels: [] })).rejects.toThrow(/GitHub create issue: HTTP 502/);
    await expect(tracker.comment(999, 'x')).rejects.toThrow(/GitHub comment: HTTP 404/);
  });
});
