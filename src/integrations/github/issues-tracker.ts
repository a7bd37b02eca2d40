import type { Octokit } from '@octokit/rest';
import type { NewTrackerIssue } from '../../incidents/domain/issue-text.ts';
import type { IncidentTracker, TrackerIssue } from '../../incidents/ports/incident-tracker.ts';
import { createGithubClient, httpStatus, splitRepo } from './create-github-client.ts';

/** Every GitHub call answers within this or fails (and the job that made it retries). */
const GITHUB_TIMEOUT_MS = 15_000;

/** Issues updated a little before the incident began still count: the bot's and GitHub's clocks differ. */
const CLOCK_SLACK_MS = 60 * 60_000;

/** How many pages of 100 issues (or comments) a search for the bot's own reads at most. */
const SEARCH_PAGES = 3;
const COMMENT_PAGES = 10;

/** Errors name the HTTP status, so the job's last_error and the timeline say what GitHub answered. */
async function call<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  try {
    return await work(AbortSignal.timeout(GITHUB_TIMEOUT_MS));
  } catch (err) {
    const status = httpStatus(err);
    throw new Error(`GitHub ${what}: ${status ? `HTTP ${status} ` : ''}${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

export interface IssuesTrackerOptions {
  /** owner/name: where incident issues are opened (config `incidents.repo`). */
  repo: string;
  /**
   * The GitHub login the token belongs to (config `incidents.githubLogin`): a found issue must be
   * its own. Unset, the search trusts the marker and the labels alone.
   */
  author?: string;
}

/** Incident records as issues on one repository (config.incidents.repo) through Octokit. */
export class OctokitIssuesTracker implements IncidentTracker {
  private readonly owner: string;
  private readonly repo: string;
  private readonly author: string | undefined;

  constructor(
    private readonly octokit: Octokit,
    options: IssuesTrackerOptions,
  ) {
    ({ owner: this.owner, repo: this.repo } = splitRepo(options.repo));
    this.author = options.author;
  }

  async createIssue(issue: NewTrackerIssue): Promise<TrackerIssue> {
    const r = await call('create issue', (signal) => this.octokit.rest.issues.create({ owner: this.owner, repo: this.repo, title: issue.title, body: issue.body, labels: issue.labels, request: { signal } }));
    return { number: r.data.number, url: r.data.html_url };
  }

  async findIssue(marker: string, labels: readonly string[], since: Date): Promise<TrackerIssue | undefined> {
    for (let page = 1; page <= SEARCH_PAGES; page++) {
      const r = await call('list issues', (signal) =>
        this.octokit.rest.issues.listForRepo({
          owner: this.owner,
          repo: this.repo,
          state: 'all',
          labels: labels.join(','),
          ...(this.author ? { creator: this.author } : {}),
          since: new Date(since.getTime() - CLOCK_SLACK_MS).toISOString(),
          sort: 'created',
          direction: 'desc',
          per_page: 100,
          page,
          request: { signal },
        }),
      );
      // Pull requests are issues to this API; the marker is only ever in an issue the bot opened.
      const found = r.data.find((i) => !i.pull_request && (!this.author || i.user?.login === this.author) && (i.body ?? '').includes(marker));
      if (found) return { number: found.number, url: found.html_url };
      if (r.data.length < 100) return undefined;
    }
    return undefined;
  }

  async comment(issueNumber: number, body: string): Promise<void> {
    await call('comment', (signal) => this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: issueNumber, body, request: { signal } }));
  }

  async hasComment(issueNumber: number, marker: string): Promise<boolean> {
    for (let page = 1; page <= COMMENT_PAGES; page++) {
      const r = await call('list comments', (signal) => this.octokit.rest.issues.listComments({ owner: this.owner, repo: this.repo, issue_number: issueNumber, per_page: 100, page, request: { signal } }));
      if (r.data.some((c) => (!this.author || c.user?.login === this.author) && (c.body ?? '').includes(marker))) return true;
      if (r.data.length < 100) return false;
    }
    return false;
  }

  async close(issueNumber: number): Promise<void> {
    await call('close issue', (signal) => this.octokit.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: issueNumber, state: 'closed', state_reason: 'completed', request: { signal } }));
  }

  async createReviewIssue(issue: NewTrackerIssue): Promise<TrackerIssue> {
    return this.createIssue(issue);
  }
}

export function createIssuesTracker(options: { baseUrl?: string; token?: string } & IssuesTrackerOptions): IncidentTracker {
  return new OctokitIssuesTracker(createGithubClient({ ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.token ? { token: options.token } : {}) }), {
    repo: options.repo,
    ...(options.author ? { author: options.author } : {}),
  });
}
