import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import type { CodeHost } from '../../../src/access/ports/code-host.ts';
import { GroupsYamlEditError } from '../../../src/access/domain/edit-group-members.ts';
import { InMemoryCodeHost } from '../../../src/integrations/github/in-memory-code-host.ts';
import { isPermanentPullRequestError, openAccessPullRequest, openPendingPullRequest, runOpenPrEffect } from '../../../src/access/use-cases/open-access-pull-request.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { catalogOf, claimedJob, clockAt, k8sIoCatalog } from '../helpers/use-case-fixtures.ts';
import { readK8sIo } from '../helpers/fixtures.ts';
import { lineDiff, parsePatch, reverseApply } from '../helpers/unified-diff.ts';

const FILE = 'groups/sig-release/groups.yaml';
const after = readK8sIo(FILE);
const before = reverseApply(after, parsePatch(readK8sIo('sample-prs/access-request-0ba2a2776.patch'))[0]!);

const request: AccessRequest = {
  id: 'req-0ba2a277',
  status: 'approved',
  group: { emailId: 'k8s-infra-release-editors@kubernetes.io', name: 'k8s-infra-release-editors', file: FILE },
  memberEmail: 'jameswangel@gmail.com',
  requester: { slackUserId: 'UJIM', github: 'jimangel', name: 'Jim Angel' },
  justification: 'releng: temp RM access for Jim Angel',
  requiredApprovals: 1,
  approversAtRequest: ['cpanato'],
  approvals: [{ slackUserId: 'UCARLOS', github: 'cpanato', at: '2022-01-25T10:00:00.000Z' }],
  createdAt: '2022-01-25T09:00:00.000Z',
  updatedAt: '2022-01-25T10:00:00.000Z',
  version: 2,
};
const args = { request, change: 'add' as const, baseBranch: 'main', ownersApprovers: ['cpanato'] };

/** Fails the named method once, after (or instead of) doing the work, like a lost response. */
function failingOnce(host: CodeHost, method: keyof CodeHost, when: 'before' | 'after'): CodeHost {
  let failed = false;
  return new Proxy(host, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...a: unknown[]) => {
        if (!failed && when === 'before') {
          failed = true;
          throw new Error(`${String(prop)}: 502 Bad Gateway`);
        }
        const result = await (value as (...x: unknown[]) => Promise<unknown>).apply(target, a);
        if (!failed) {
          failed = true;
          throw new Error(`${String(prop)}: connection reset`);
        }
        return result;
      };
    },
  });
}

describe('openAccessPullRequest', () => {
  it('branches, commits exactly the one-line change of the real commit, and opens the PR', async () => {
    const host = new InMemoryCodeHost({ [FILE]: before });
    const r = await openAccessPullRequest(host, args);
    expect(r).toMatchObject({ kind: 'opened', pullRequest: { number: 1, branch: 'k8s-infra-bot/access-req-0ba2a277' } });
    expect(host.fileAt('k8s-infra-bot/access-req-0ba2a277', FILE)).toBe(after);
    expect(lineDiff(before, host.fileAt('k8s-infra-bot/access-req-0ba2a277', FILE)!)).toEqual({ added: ['      - jameswangel@gmail.com'], removed: [] });
    expect(host.fileAt('main', FILE)).toBe(before);
    expect(host.pullRequests[0]!.title).toBe('groups: add jameswangel@gmail.com to k8s-infra-release-editors');

    // Running it again (a retried job) finds the same PR.
    expect(await openAccessPullRequest(host, args)).toMatchObject({ kind: 'resumed', pullRequest: { number: 1 } });
    expect(host.pullRequests).toHaveLength(1);
  });

  for (const [method, when] of [
    ['createBranch', 'after'],
    ['commitFile', 'before'],
    ['commitFile', 'after'],
    ['createPullRequest', 'before'],
    ['createPullRequest', 'after'],
  ] as const) {
    it(`resumes after ${method} fails ${when === 'after' ? 'once its work is done' : 'before doing anything'}`, async () => {
      const inner = new InMemoryCodeHost({ [FILE]: before });
      const flaky = failingOnce(inner, method, when);
      await expect(openAccessPullRequest(flaky, args)).rejects.toThrow(method);
      const r = await openAccessPullRequest(flaky, args);
      expect(r.kind === 'opened' || r.kind === 'resumed').toBe(true);
      expect(inner.pullRequests).toHaveLength(1);
      expect(inner.fileAt('k8s-infra-bot/access-req-0ba2a277', FILE)).toBe(after);
    });
  }

  it('reports no change when the address is already there, creating nothing', async () => {
    const host = new InMemoryCodeHost({ [FILE]: after });
    expect(await openAccessPullRequest(host, args)).toMatchObject({ kind: 'no-change', reason: 'jameswangel@gmail.com is already in k8s-infra-release-editors' });
    expect(await host.getBranchHead('head', 'k8s-infra-bot/access-req-0ba2a277')).toBeUndefined();
  });

  it('removal: a second branch and PR that take the line out again', async () => {
    const host = new InMemoryCodeHost({ [FILE]: after });
    const r = await openAccessPullRequest(host, { ...args, request: { ...request, status: 'expiring', until: '2022-03-31' }, change: 'remove' });
    expect(r).toMatchObject({ kind: 'opened', pullRequest: { branch: 'k8s-infra-bot/access-req-0ba2a277-removal' } });
    expect(host.fileAt('k8s-infra-bot/access-req-0ba2a277-removal', FILE)).toBe(before);
  });

  it('an unparseable groups.yaml is a permanent error and leaves nothing behind', async () => {
    const host = new InMemoryCodeHost({ [FILE]: `${before}\n  - email-id: [broken\n` });
    const err = await openAccessPullRequest(host, args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GroupsYamlEditError);
    expect(isPermanentPullRequestError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^groups.yaml is not valid YAML/);
    expect(await host.getBranchHead('head', 'k8s-infra-bot/access-req-0ba2a277')).toBeUndefined();
    expect(host.pullRequests).toHaveLength(0);
    expect(isPermanentPullRequestError(new Error('502'))).toBe(false);
  });
});

describe('runOpenPrEffect', () => {
  const clock = { now: () => new Date('2022-01-25T10:00:10Z') };
  const options = { baseBranch: 'main', ownersApprovers: ['cpanato'], clock };

  it('opens the PR and returns the pr_opened transition; again, nothing changes', async () => {
    const host = new InMemoryCodeHost({ [FILE]: before });
    const t = await runOpenPrEffect(host, request, options);
    expect(t).toMatchObject({ outcome: 'pr-opened', request: { status: 'pr_opened', pullRequest: { number: 1 } } });
    expect(await runOpenPrEffect(host, t.request, options)).toMatchObject({ changed: false, outcome: 'ignored' });
  });

  it('fails the request when the file cannot be edited, rethrows what a retry may fix', async () => {
    const broken = new InMemoryCodeHost({ [FILE]: 'groups: [\n' });
    expect(await runOpenPrEffect(broken, request, options)).toMatchObject({ outcome: 'failed', request: { status: 'failed', failure: { reason: expect.stringMatching(/not valid YAML/) } } });
    const flaky = failingOnce(new InMemoryCodeHost({ [FILE]: before }), 'createPullRequest', 'before');
    await expect(runOpenPrEffect(flaky, request, options)).rejects.toThrow('502');
    expect(await runOpenPrEffect(flaky, request, options)).toMatchObject({ outcome: 'pr-opened' });
  });

  it('nothing to change: permanent access is fulfilled', async () => {
    const host = new InMemoryCodeHost({ [FILE]: after });
    expect(await runOpenPrEffect(host, request, options)).toMatchObject({ outcome: 'fulfilled', request: { status: 'fulfilled' } });
  });
});

describe('openPendingPullRequest (the open-pr job)', async () => {
  const catalog = await k8sIoCatalog();
  const approved: AccessRequest = { ...request, id: 'ar-0ba2a2776aaa', requester: { ...request.requester, slackUserId: 'U0JIMANGE' } };
  const branch = 'k8s-infra-bot/access-ar-0ba2a2776aaa';
  const deps = (host: CodeHost, requests = new InMemoryAccessRequests([approved])) => {
    const warnings: unknown[] = [];
    return { requests, catalog: catalogOf(catalog), codeHost: () => host, clock: clockAt('2022-01-25T10:00:10Z'), baseBranch: 'main', log: { warn: (obj: unknown) => void warnings.push(obj) }, warnings };
  };

  it('opens the pull request naming the nearest approvers and records it with the job', async () => {
    const host = new InMemoryCodeHost({ [FILE]: before });
    const d = deps(host);
    const job = claimedJob('access:ar-0ba2a2776aaa:open-pr:add');
    await openPendingPullRequest(d, approved.id, job);
    expect(host.fileAt(branch, FILE)).toBe(after);
    expect(host.pullRequests[0]!.body).toContain('@cpanato');
    expect(d.requests.saved).toHaveLength(1);
    expect(d.requests.saved[0]).toMatchObject({ job, transition: { outcome: 'pr-opened' } });
    // A retried job finds the request moved on: nothing more to open.
    await openPendingPullRequest(d, approved.id, job);
    expect(host.pullRequests).toHaveLength(1);
    expect(d.requests.saved).toHaveLength(1);
  });

  it('GitHub failing: the request notes it and the job retries; the next attempt resumes and clears the note', async () => {
    const inner = new InMemoryCodeHost({ [FILE]: before });
    const d = deps(failingOnce(inner, 'createPullRequest', 'before'));
    await expect(openPendingPullRequest(d, approved.id, claimedJob('j', 1))).rejects.toThrow('502');
    expect(d.warnings).toHaveLength(1);
    expect(await d.requests.get(approved.id)).toMatchObject({ status: 'approved', retrying: { attempts: 1, error: 'createPullRequest: 502 Bad Gateway' } });
    await openPendingPullRequest(d, approved.id, claimedJob('j', 2));
    const done = await d.requests.get(approved.id);
    expect(done).toMatchObject({ status: 'pr_opened', pullRequest: { number: 1, branch } });
    expect(done?.retrying).toBeUndefined();
    expect(inner.pullRequests).toHaveLength(1);
  });

  it('the request changed while the pull request was opened: the job reads it again and records the PR it opened, without a second', async () => {
    const inner = new InMemoryCodeHost({ [FILE]: before });
    const d = deps(inner);
    d.requests.beforeNextSave = () => d.requests.put({ ...approved, version: approved.version + 1 });
    await openPendingPullRequest(d, approved.id, claimedJob('j'));
    expect(await d.requests.get(approved.id)).toMatchObject({ status: 'pr_opened', pullRequest: { number: 1 } });
    expect(inner.pullRequests).toHaveLength(1);
  });

  it('a request that keeps changing while the pull request is opened: the job gives up for a retry later', async () => {
    const inner = new InMemoryCodeHost({ [FILE]: before });
    const d = deps(inner);
    let version = approved.version;
    const bump = () => {
      d.requests.put({ ...approved, version: ++version });
      d.requests.beforeNextSave = bump;
    };
    d.requests.beforeNextSave = bump;
    await expect(openPendingPullRequest(d, approved.id, claimedJob('j'))).rejects.toThrow('kept changing while its pull request was opened');
    expect(inner.pullRequests).toHaveLength(1);
  });
});
