import type { Octokit } from '@octokit/rest';
import type { CodeHost, OpenedPullRequest, RepoFile, RepoSide } from '../../access/ports/code-host.ts';
import { httpStatus, splitRepo, validationMessages } from './create-github-client.ts';

interface PullLike {
  number: number;
  html_url: string;
  state: string;
  merged_at?: string | null;
  head: { ref: string; repo?: { full_name?: string } | null };
}

/**
 * CodeHost over the GitHub REST API. Branches and commits go to `headRepo` (a fork when the bot
 * may not push upstream; by default `repo` itself); pull requests target `repo`.
 */
export class OctokitCodeHost implements CodeHost {
  private readonly base: { owner: string; repo: string };
  private readonly head: { owner: string; repo: string };

  constructor(
    private readonly octokit: Octokit,
    options: { repo: string; headRepo?: string },
  ) {
    this.base = splitRepo(options.repo);
    this.head = splitRepo(options.headRepo ?? options.repo);
  }

  private where(side: RepoSide) {
    return side === 'base' ? this.base : this.head;
  }

  private get isFork(): boolean {
    return this.head.owner !== this.base.owner || this.head.repo !== this.base.repo;
  }

  async getBranchHead(side: RepoSide, branch: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.git.getRef({ ...this.where(side), ref: `heads/${branch}` });
      return data.object.sha;
    } catch (err) {
      if (httpStatus(err) === 404) return undefined;
      throw err;
    }
  }

  async getFile(side: RepoSide, path: string, ref: string): Promise<RepoFile | undefined> {
    let data: unknown;
    try {
      ({ data } = await this.octokit.rest.repos.getContent({ ...this.where(side), path, ref }));
    } catch (err) {
      if (httpStatus(err) === 404) return undefined;
      throw err;
    }
    if (Array.isArray(data) || typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'file') {
      throw new Error(`${path} at ${ref} is not a file`);
    }
    const file = data as { sha: string; content?: string; encoding?: string };
    if (file.encoding === 'base64' && typeof file.content === 'string') return { content: Buffer.from(file.content, 'base64').toString('utf8'), sha: file.sha };
    // Files over 1 MB come without content: fetch the blob.
    const blob = await this.octokit.rest.git.getBlob({ ...this.where(side), file_sha: file.sha });
    return { content: Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'), sha: file.sha };
  }

  async createBranch(branch: string, fromSha: string): Promise<'created' | 'exists'> {
    try {
      await this.octokit.rest.git.createRef({ ...this.head, ref: `refs/heads/${branch}`, sha: fromSha });
      return 'created';
    } catch (err) {
      if (httpStatus(err) === 422 && /already exists/i.test(validationMessages(err))) return 'exists';
      throw err;
    }
  }

  async resetBranch(branch: string, sha: string): Promise<void> {
    await this.octokit.rest.git.updateRef({ ...this.head, ref: `heads/${branch}`, sha, force: true });
  }

  async requestReviewers(number: number, logins: readonly string[]): Promise<void> {
    if (logins.length === 0) return;
    await this.octokit.rest.pulls.requestReviewers({ ...this.base, pull_number: number, reviewers: [...logins] });
  }

  async commitFile(update: { branch: string; path: string; content: string; sha: string; message: string }): Promise<{ commitSha: string }> {
    const { data } = await this.octokit.rest.repos.createOrUpdateFileContents({
      ...this.head,
      path: update.path,
      branch: update.branch,
      message: update.message,
      sha: update.sha,
      content: Buffer.from(update.content, 'utf8').toString('base64'),
    });
    return { commitSha: data.commit.sha ?? '' };
  }

  /**
   * One commit on top of `parentSha` changing several files (the Git Data API: a tree on the
   * parent's, a commit, the branch moved to it), as a person commits a change spanning files.
   */
  async commitFiles(update: { branch: string; parentSha: string; files: readonly { path: string; content: string }[]; message: string }): Promise<{ commitSha: string }> {
    const parent = await this.octokit.rest.git.getCommit({ ...this.head, commit_sha: update.parentSha });
    const tree = await this.octokit.rest.git.createTree({
      ...this.head,
      base_tree: parent.data.tree.sha,
      tree: update.files.map((f) => ({ path: f.path, mode: '100644' as const, type: 'blob' as const, content: f.content })),
    });
    const commit = await this.octokit.rest.git.createCommit({ ...this.head, message: update.message, tree: tree.data.sha, parents: [update.parentSha] });
    await this.resetBranch(update.branch, commit.data.sha);
    return { commitSha: commit.data.sha };
  }

  private toOpened(pr: PullLike): OpenedPullRequest {
    return { number: pr.number, url: pr.html_url, branch: pr.head.ref, headRepo: pr.head.repo?.full_name ?? `${this.head.owner}/${this.head.repo}`, state: pr.state === 'open' ? 'open' : 'closed', merged: Boolean(pr.merged_at) };
  }

  async findPullRequest(branch: string): Promise<OpenedPullRequest | undefined> {
    const { data } = await this.octokit.rest.pulls.list({ ...this.base, head: `${this.head.owner}:${branch}`, state: 'all', per_page: 100 });
    const mine = (data as PullLike[]).filter((p) => p.head.ref === branch);
    const pick = mine.find((p) => p.state === 'open') ?? mine[0];
    return pick ? this.toOpened(pick) : undefined;
  }

  async createPullRequest(pr: { branch: string; base: string; title: string; body: string }): Promise<OpenedPullRequest> {
    try {
      const { data } = await this.octokit.rest.pulls.create({
        ...this.base,
        head: this.isFork ? `${this.head.owner}:${pr.branch}` : pr.branch,
        base: pr.base,
        title: pr.title,
        body: pr.body,
      });
      return this.toOpened(data as PullLike);
    } catch (err) {
      // A pull request for this branch already exists (an earlier attempt whose answer was lost).
      if (httpStatus(err) === 422 && /already exists/i.test(validationMessages(err))) {
        const existing = await this.findPullRequest(pr.branch);
        if (existing) return existing;
      }
      throw err;
    }
  }
}
