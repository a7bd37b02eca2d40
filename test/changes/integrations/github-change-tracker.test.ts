import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrackerRefused } from '../../../src/changes/ports/change-tracker.ts';
import { createGithubClient } from '../../../src/integrations/github/create-github-client.ts';
import { GithubChangeTracker } from '../../../src/integrations/github/change-issues.ts';
import { GithubPullRequestReader } from '../../../src/integrations/github/pull-request-files.ts';
import { FakeGithub } from '../../integrations/github/fake-github.ts';
import { fixture, k8sIoGroupsRepo, withNewRbacMember } from '../helpers/k8s-io-repo.ts';

const REPO = 'kubernetes/k8s.io';
const TOKEN = 'ghp-test';

describe('the changes GitHub adapters (Octokit against the local GitHub)', () => {
  let github: FakeGithub;
  let tracker: GithubChangeTracker;
  let reader: GithubPullRequestReader;
  beforeAll(async () => {
    github = await FakeGithub.start({ token: TOKEN });
    github.addRepo(REPO, k8sIoGroupsRepo());
    const octokit = createGithubClient({ token: TOKEN, baseUrl: github.url, timeoutMs: 2000 });
    tracker = new GithubChangeTracker(octokit, REPO);
    reader = new GithubPullRequestReader(octokit);
  });
  afterAll(async () => {
    await github.close();
  });

  it('opens an issue once, even when GitHub created it and the answer was lost', async () => {
    const issue = { title: '[LAZY CONSENSUS] X (medium risk)', body: 'text\n<!-- k8s-infra-bot:change chg-1 start=2026-01-01T00:00:00.000Z -->', labels: ['sig/k8s-infra', 'lazy-consensus'], findBy: '<!-- k8s-infra-bot:change chg-1 ' };
    github.failNext({ method: 'POST', path: `/repos/${REPO}/issues`, after: true });
    await expect(tracker.openIssue(issue)).rejects.toThrow(/GitHub create issue: HTTP 500/);
    const retried = await tracker.openIssue(issue);
    expect(retried).toMatchObject({ created: false, url: `https://github.com/${REPO}/issues/${retried.number}` });
    expect(github.issues(REPO).filter((i) => i.title === issue.title)).toHaveLength(1);
    expect(github.issues(REPO)[0]!.labels).toEqual(['sig/k8s-infra', 'lazy-consensus']);
  });

  it('comments once per marker, even after a dropped connection', async () => {
    const number = github.issues(REPO)[0]!.number;
    github.failNext({ method: 'POST', path: `/issues/${number}/comments`, drop: true });
    const body = 'Lazy consensus reached.\n\n<!-- k8s-infra-bot:chg-1/reached:1 -->';
    await expect(tracker.comment(REPO, number, body, '<!-- k8s-infra-bot:chg-1/reached:1 -->')).rejects.toThrow();
    expect(await tracker.comment(REPO, number, body, '<!-- k8s-infra-bot:chg-1/reached:1 -->')).toBe('already-posted');
    expect(github.issue(REPO, number)!.comments).toEqual([body]);
  });

  it('closes an issue as completed or not planned, and says a 4xx is for good', async () => {
    const number = github.issues(REPO)[0]!.number;
    await tracker.closeIssue(number, 'not_planned');
    expect(github.issue(REPO, number)).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    await expect(tracker.comment(REPO, 9999, 'x', 'm')).rejects.toBeInstanceOf(TrackerRefused);
    github.failNext({ path: '/issues', status: 503 });
    await expect(tracker.comment(REPO, number, 'y', 'n')).rejects.not.toBeInstanceOf(TrackerRefused);
  });

  it('reads a PR’s head, its files and file contents on both sides', async () => {
    const pr = github.openPullRequestWith(REPO, { branch: 'b', author: 'xmudrii', title: 't', files: { 'groups/sig-k8s-infra/groups.yaml': withNewRbacMember(), 'new-file.txt': 'hi' } });
    const head = await reader.head(REPO, pr.number);
    if (head === 'not-found') throw new Error('not found');
    expect(head).toMatchObject({ number: pr.number, state: 'open', author: 'xmudrii', baseRef: 'main' });
    expect(await reader.files(REPO, pr.number)).toEqual({ total: 2, files: [{ path: 'groups/sig-k8s-infra/groups.yaml', status: 'modified' }, { path: 'new-file.txt', status: 'added' }] });
    expect(await reader.file(REPO, 'groups/sig-k8s-infra/groups.yaml', head.baseRef)).toBe(fixture('groups/sig-k8s-infra/groups.yaml'));
    expect(await reader.file(REPO, 'groups/sig-k8s-infra/groups.yaml', head.headSha)).toBe(withNewRbacMember());
    expect(await reader.file(REPO, 'new-file.txt', head.baseRef)).toBeUndefined();
    expect(await reader.head(REPO, 4242)).toBe('not-found');
  });

  it('gives up on a GitHub that does not answer, within its timeout', async () => {
    const hanging = createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const slow = createGithubClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`, timeoutMs: 300 });
    const started = performance.now();
    await expect(new GithubPullRequestReader(slow).head(REPO, 1)).rejects.toThrow(/GitHub read pull request/);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(3000);
    hanging.closeAllConnections();
    hanging.close();
  });
});
