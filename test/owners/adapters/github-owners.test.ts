import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGithubClient } from '../../../src/integrations/github/create-github-client.ts';
import { githubOwners } from '../../../src/owners/adapters/github-owners.ts';
import { editOwnersFile } from '../../../src/owners/domain/owners-file-edit.ts';
import { FakeGithub } from '../../integrations/github/fake-github.ts';

const TOKEN = 'ghp_test_token';
const REPO = 'kubernetes/k8s.io';
/** Real kubernetes/k8s.io files (test/fixtures/SOURCES.md). */
const ALIASES = readFileSync('test/fixtures/k8s.io/OWNERS_ALIASES', 'utf8');
const GROUPS_OWNERS = readFileSync('test/fixtures/k8s.io/groups/OWNERS', 'utf8');

let fake: FakeGithub;
beforeAll(async () => {
  fake = await FakeGithub.start({ token: TOKEN });
  fake.addRepo(REPO, { OWNERS_ALIASES: ALIASES, 'groups/OWNERS': GROUPS_OWNERS, README: 'hello\n' });
});
afterAll(async () => fake.close());

const gh = () => githubOwners(createGithubClient({ token: TOKEN, baseUrl: fake.url, timeoutMs: 5000 }), REPO);
const files = [
  { path: 'OWNERS_ALIASES', edit: (t: string | undefined) => editOwnersFile(t!, { kind: 'alias', alias: 'sig-k8s-infra-leads' }, { kind: 'add', handle: 'upodroid' }) },
  { path: 'groups/OWNERS', edit: (t: string | undefined) => editOwnersFile(t!, { kind: 'list', list: 'approvers' }, { kind: 'add', handle: 'upodroid' }) },
];

describe('githubOwners through Octokit against the local GitHub', () => {
  it('opens one pull request whose one commit edits both files on top of the base; the same branch again finds it', async () => {
    const base = fake.branchHead(REPO, 'main')!;
    const pr = { repo: REPO, base: 'main', branch: 'k8s-infra-bot/owners-n1', title: 'dns: add upodroid as an owner', body: 'Adds @upodroid.' };
    // The pull request's creation fails once after the branch and commit were made: the retry finishes, with one commit.
    fake.failNext({ method: 'POST', path: `/repos/${REPO}/pulls`, status: 502 });
    await expect(gh().openFilesPullRequest({ ...pr, files })).rejects.toThrow();
    const opened = await gh().openFilesPullRequest({ ...pr, files });
    expect(opened).toEqual({ number: 1, url: `https://github.com/${REPO}/pull/1` });
    const head = fake.branchHead(REPO, pr.branch)!;
    const commit = (await (await fetch(`${fake.url}/repos/${REPO}/git/commits/${head}`, { headers: { authorization: `token ${TOKEN}` } })).json()) as { parents: { sha: string }[]; message: string };
    expect(commit.parents.map((p) => p.sha)).toEqual([base]);
    expect(commit.message).toBe(pr.title);
    expect(fake.fileAt(REPO, pr.branch, 'OWNERS_ALIASES')).toBe(files[0]!.edit(ALIASES));
    expect(fake.fileAt(REPO, pr.branch, 'groups/OWNERS')).toBe(files[1]!.edit(GROUPS_OWNERS));
    expect(fake.fileAt(REPO, pr.branch, 'README')).toBe('hello\n');
    expect(await gh().openFilesPullRequest({ ...pr, files })).toEqual(opened);
    expect(fake.pullRequests(REPO)).toHaveLength(1);
  });

  it('nothing to change: no branch, no pull request; a missing file reaches the edit as undefined', async () => {
    const seen: (string | undefined)[] = [];
    const out = await gh().openFilesPullRequest({
      repo: REPO, base: 'main', branch: 'k8s-infra-bot/owners-n2', title: 't', body: 'b',
      files: [{ path: 'nope/OWNERS', edit: (t) => (seen.push(t), undefined) }, { path: 'README', edit: (t) => t }],
    });
    expect(out).toBeUndefined();
    expect(seen).toEqual([undefined]);
    expect(fake.branches(REPO)).not.toContain('k8s-infra-bot/owners-n2');
  });

  it('updateIssueBody rewrites the body from the current one, and writes nothing when it is unchanged', async () => {
    const issue = fake.addIssue(REPO, { title: 'Nominate', body: '- [ ] one\n- [ ] two' });
    await gh().updateIssueBody(issue.number, (b) => b.replace('- [ ] one', '- [x] one (#1)'));
    expect(fake.issue(REPO, issue.number)!.body).toBe('- [x] one (#1)\n- [ ] two');
    const writes = fake.writes().length;
    await gh().updateIssueBody(issue.number, (b) => b);
    expect(fake.writes()).toHaveLength(writes);
  });
});
