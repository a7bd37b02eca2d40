import type { GithubRef } from '../domain/ticket.ts';

export interface HostFile {
  content: string;
  /** Blob sha, needed to update the file. */
  sha: string;
}

/** One file of a pull request: its new content and the blob it replaces (undefined: a new file). */
export interface FileChange {
  path: string;
  content: string;
  sha: string | undefined;
}

/** What requests need from GitHub (the request repository); every call is bounded by a timeout. */
export interface TicketHost {
  readonly repo: string;
  /** The file on the default branch, or undefined when absent. */
  readFile(path: string): Promise<HostFile | undefined>;
  /** An open issue the bot filed whose body contains `marker` (an earlier attempt whose answer was lost). */
  findIssue(marker: string): Promise<GithubRef | undefined>;
  createIssue(issue: { title: string; body: string; labels: readonly string[] }): Promise<GithubRef>;
  /** The branch with these files committed and a PR from it; an existing PR for the branch is returned as is. */
  openPullRequest(pr: { branch: string; files: readonly FileChange[]; message: string; title: string; body: string }): Promise<GithubRef>;
  requestReviewers(number: number, logins: readonly string[]): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  closeIssue(number: number): Promise<void>;
}
