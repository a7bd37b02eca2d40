import { createHash } from 'node:crypto';
import type { CodeHost, OpenedPullRequest, RepoFile, RepoSide } from '../../access/ports/code-host.ts';

interface Commit {
  sha: string;
  files: Map<string, string>;
}

function blobSha(content: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0${content}`).digest('hex');
}

/**
 * A code host in memory: branches, one-file commits and pull requests (local mode without a
 * GITHUB_TOKEN, and tests). Base and head are the same repository.
 */
export class InMemoryCodeHost implements CodeHost {
  private readonly commits = new Map<string, Commit>();
  private readonly branches = new Map<string, string>();
  readonly pullRequests: (OpenedPullRequest & { title: string; body: string; base: string; reviewers: string[] })[] = [];
  private counter = 0;

  constructor(
    files: Record<string, string> | Map<string, string>,
    readonly baseBranch = 'main',
    private readonly urlPrefix = 'https://github.com/kubernetes/k8s.io/pull/',
    /** `owner/name` the pull requests come from (base and head are one repository here). */
    private readonly repoName = 'kubernetes/k8s.io',
  ) {
    const commit = this.addCommit(new Map(files instanceof Map ? files : Object.entries(files)));
    this.branches.set(baseBranch, commit.sha);
  }

  private addCommit(files: Map<string, string>): Commit {
    const sha = createHash('sha1').update(`commit ${++this.counter}`).digest('hex');
    const commit = { sha, files };
    this.commits.set(sha, commit);
    return commit;
  }

  private resolve(ref: string): Commit | undefined {
    return this.commits.get(this.branches.get(ref) ?? ref);
  }

  /** The file as it is on a branch now (tests, sandbox). */
  fileAt(branch: string, path: string): string | undefined {
    return this.resolve(branch)?.files.get(path);
  }

  async getBranchHead(_side: RepoSide, branch: string): Promise<string | undefined> {
    return this.branches.get(branch);
  }

  async getFile(_side: RepoSide, path: string, ref: string): Promise<RepoFile | undefined> {
    const content = this.resolve(ref)?.files.get(path);
    return content === undefined ? undefined : { content, sha: blobSha(content) };
  }

  async createBranch(branch: string, fromSha: string): Promise<'created' | 'exists'> {
    if (this.branches.has(branch)) return 'exists';
    if (!this.commits.has(fromSha)) throw new Error(`no commit ${fromSha}`);
    this.branches.set(branch, fromSha);
    return 'created';
  }

  async resetBranch(branch: string, sha: string): Promise<void> {
    if (!this.branches.has(branch)) throw new Error(`no branch ${branch}`);
    if (!this.commits.has(sha)) throw new Error(`no commit ${sha}`);
    this.branches.set(branch, sha);
  }

  async requestReviewers(number: number, logins: readonly string[]): Promise<void> {
    const pr = this.pullRequests.find((p) => p.number === number);
    if (!pr) throw new Error(`no pull request #${number}`);
    pr.reviewers = [...new Set([...pr.reviewers, ...logins])];
  }

  async commitFile(update: { branch: string; path: string; content: string; sha: string; message: string }): Promise<{ commitSha: string }> {
    const head = this.resolve(update.branch);
    if (!head) throw new Error(`no branch ${update.branch}`);
    const current = head.files.get(update.path);
    if (current !== undefined && blobSha(current) !== update.sha) throw new Error(`${update.path} changed on ${update.branch} (sha mismatch)`);
    const commit = this.addCommit(new Map(head.files).set(update.path, update.content));
    this.branches.set(update.branch, commit.sha);
    return { commitSha: commit.sha };
  }

  async findPullRequest(branch: string): Promise<OpenedPullRequest | undefined> {
    const matching = this.pullRequests.filter((p) => p.branch === branch);
    return matching.find((p) => p.state === 'open') ?? matching[0];
  }

  async createPullRequest(pr: { branch: string; base: string; title: string; body: string }): Promise<OpenedPullRequest> {
    const open = this.pullRequests.find((p) => p.branch === pr.branch && p.state === 'open');
    if (open) return open;
    const number = this.pullRequests.length + 1;
    const created = { number, url: `${this.urlPrefix}${number}`, branch: pr.branch, headRepo: this.repoName, state: 'open' as const, merged: false, title: pr.title, body: pr.body, base: pr.base, reviewers: [] as string[] };
    this.pullRequests.push(created);
    return created;
  }
}
