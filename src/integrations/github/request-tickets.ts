import type { Octokit } from '@octokit/rest';
import type { GithubRef } from '../../requests/domain/ticket.ts';
import type { FileChange, HostFile, TicketHost } from '../../requests/ports/ticket-host.ts';
import { httpStatus, splitRepo } from './create-github-client.ts';
import { OctokitCodeHost } from './octokit-code-host.ts';

/**
 * Requests' tickets on GitHub: issues filed (and found again by a marker in their body when an
 * answer was lost), pull requests through the same branch-and-commit code as access requests.
 */
export class GithubRequestTickets implements TicketHost {
  private readonly where: { owner: string; repo: string };
  private readonly code: OctokitCodeHost;

  constructor(
    private readonly octokit: Octokit,
    readonly repo: string,
    private readonly baseBranch: string,
  ) {
    this.where = splitRepo(repo);
    this.code = new OctokitCodeHost(octokit, { repo });
  }

  async readFile(path: string): Promise<HostFile | undefined> {
    return this.code.getFile('base', path, this.baseBranch);
  }

  async findIssue(marker: string): Promise<GithubRef | undefined> {
    const me = await this.login();
    const { data } = await this.octokit.rest.issues.listForRepo({ ...this.where, state: 'all', creator: me, per_page: 100 });
    const hit = data.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(marker));
    return hit ? { number: hit.number, url: hit.html_url } : undefined;
  }

  private me: string | undefined;
  private async login(): Promise<string> {
    this.me ??= (await this.octokit.rest.users.getAuthenticated()).data.login;
    return this.me;
  }

  async createIssue(issue: { title: string; body: string; labels: readonly string[] }): Promise<GithubRef> {
    const { data } = await this.octokit.rest.issues.create({ ...this.where, title: issue.title, body: issue.body, labels: [...issue.labels] });
    return { number: data.number, url: data.html_url };
  }

  async openPullRequest(pr: { branch: string; files: readonly FileChange[]; message: string; title: string; body: string }): Promise<GithubRef> {
    const existing = await this.code.findPullRequest(pr.branch);
    if (existing) return { number: existing.number, url: existing.url };
    const base = await this.code.getBranchHead('base', this.baseBranch);
    if (!base) throw new Error(`${this.repo} has no branch ${this.baseBranch}`);
    // A branch left by an attempt that failed before its PR is rebuilt from the current base.
    if ((await this.code.createBranch(pr.branch, base)) === 'exists') await this.code.resetBranch(pr.branch, base);
    for (const f of pr.files) await this.commit(pr.branch, f, pr.message);
    const opened = await this.code.createPullRequest({ branch: pr.branch, base: this.baseBranch, title: pr.title, body: pr.body });
    return { number: opened.number, url: opened.url };
  }

  private async commit(branch: string, file: FileChange, message: string): Promise<void> {
    await this.octokit.rest.repos.createOrUpdateFileContents({
      ...this.where,
      path: file.path,
      branch,
      message,
      ...(file.sha ? { sha: file.sha } : {}),
      content: Buffer.from(file.content, 'utf8').toString('base64'),
    });
  }

  async requestReviewers(number: number, logins: readonly string[]): Promise<void> {
    await this.code.requestReviewers(number, logins);
  }

  async comment(number: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ ...this.where, issue_number: number, body });
  }

  async closeIssue(number: number): Promise<void> {
    try {
      await this.octokit.rest.issues.update({ ...this.where, issue_number: number, state: 'closed', state_reason: 'completed' });
    } catch (err) {
      // Someone deleted or moved it: nothing left to close.
      if (httpStatus(err) === 404) return;
      throw err;
    }
  }
}
