import type { Octokit } from '@octokit/rest';
import type { NewTrackerIssue } from '../../incidents/domain/issue-text.ts';
import type { IncidentTracker, TrackerIssue } from '../../incidents/ports/incident-tracker.ts';
import { createGithubClient, httpStatus, splitRepo } from './create-github-client.ts';

/** Errors name the HTTP status, so the job's last_error and the timeline say what GitHub answered. */
async function call<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const status = httpStatus(err);
    throw new Error(`GitHub ${what}: ${status ? `HTTP ${status} ` : ''}${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** Incident records as issues on one repository (config.incidents.repo) through Octokit. */
export class OctokitIssuesTracker implements IncidentTracker {
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly octokit: Octokit,
    repository: string,
  ) {
    ({ owner: this.owner, repo: this.repo } = splitRepo(repository));
  }

  async createIssue(issue: NewTrackerIssue): Promise<TrackerIssue> {
    const r = await call('create issue', () => this.octokit.rest.issues.create({ owner: this.owner, repo: this.repo, title: issue.title, body: issue.body, labels: issue.labels }));
    return { number: r.data.number, url: r.data.html_url };
  }

  async comment(issueNumber: number, body: string): Promise<void> {
    await call('comment', () => this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: issueNumber, body }));
  }

  async close(issueNumber: number): Promise<void> {
    await call('close issue', () => this.octokit.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: issueNumber, state: 'closed', state_reason: 'completed' }));
  }

  async createReviewIssue(issue: NewTrackerIssue): Promise<TrackerIssue> {
    return this.createIssue(issue);
  }
}

export function createIssuesTracker(options: { baseUrl?: string; token?: string; repo: string }): IncidentTracker {
  return new OctokitIssuesTracker(
    createGithubClient({ ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.token ? { token: options.token } : {}) }),
    options.repo,
  );
}
