import type { Octokit } from '@octokit/rest';
import type { ChangeTracker, NewChangeIssue, OpenedIssue } from '../../changes/ports/change-tracker.ts';
import { TrackerRefused } from '../../changes/ports/change-tracker.ts';
import { httpStatus, splitRepo } from './create-github-client.ts';

/** Errors name the call and the HTTP status, so the job's last_error and the thread say what GitHub answered. */
async function call<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const status = httpStatus(err);
    const message = `GitHub ${what}: ${status ? `HTTP ${status} ` : ''}${err instanceof Error ? err.message : String(err)}`;
    // A 4xx other than a timeout or a rate limit will be refused again: say so, so the job stops.
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) throw new TrackerRefused(message, { cause: err });
    throw new Error(message, { cause: err });
  }
}

/** How far back a retry looks for what it already wrote (a retry comes minutes, not months, later). */
const RECENT_ISSUES = 50;
const COMMENT_PAGES = 10;

/**
 * The lazy-consensus issues of `repo` and comments on issues and pull requests, through Octokit.
 * Each write first looks for its own marker, so a write whose answer was lost is not repeated.
 */
export class GithubChangeTracker implements ChangeTracker {
  private readonly where: { owner: string; repo: string };

  constructor(
    private readonly octokit: Octokit,
    repo: string,
  ) {
    this.where = splitRepo(repo);
  }

  async openIssue(issue: NewChangeIssue): Promise<OpenedIssue> {
    const recent = await call('list issues', () => this.octokit.rest.issues.listForRepo({ ...this.where, state: 'all', sort: 'created', direction: 'desc', per_page: RECENT_ISSUES }));
    const found = recent.data.find((i) => !i.pull_request && (i.body ?? '').includes(issue.findBy));
    if (found) return { number: found.number, url: found.html_url, body: found.body ?? '', created: false };
    const r = await call('create issue', () => this.octokit.rest.issues.create({ ...this.where, title: issue.title, body: issue.body, labels: [...issue.labels] }));
    return { number: r.data.number, url: r.data.html_url, body: r.data.body ?? issue.body, created: true };
  }

  async comment(repo: string, number: number, body: string, marker: string): Promise<'posted' | 'already-posted'> {
    const target = { ...splitRepo(repo), issue_number: number };
    for (let page = 1; page <= COMMENT_PAGES; page++) {
      const r = await call('list comments', () => this.octokit.rest.issues.listComments({ ...target, per_page: 100, page }));
      if (r.data.some((c) => (c.body ?? '').includes(marker))) return 'already-posted';
      if (r.data.length < 100) break;
    }
    await call('comment', () => this.octokit.rest.issues.createComment({ ...target, body }));
    return 'posted';
  }

  async closeIssue(number: number, reason: 'completed' | 'not_planned'): Promise<void> {
    await call('close issue', () => this.octokit.rest.issues.update({ ...this.where, issue_number: number, state: 'closed', state_reason: reason }));
  }
}
