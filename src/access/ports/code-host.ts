/**
 * What the access core needs from a code host (GitHub). The base repository holds the groups;
 * the head repository (the same one, or a fork) receives the bot's branches.
 */
export type RepoSide = 'base' | 'head';

export interface RepoFile {
  content: string;
  /** Blob sha, needed to update the file. */
  sha: string;
}

export interface OpenedPullRequest {
  number: number;
  url: string;
  /** Head branch name (without `owner:`). */
  branch: string;
  /** `owner/name` of the repository the head branch lives in (the bot's fork, or the repository itself). */
  headRepo: string;
  state: 'open' | 'closed';
  merged: boolean;
}

export interface CodeHost {
  /** Commit sha at the tip of `branch`, or undefined when the branch does not exist. */
  getBranchHead(side: RepoSide, branch: string): Promise<string | undefined>;
  /** File at `ref` (branch or commit sha), or undefined when absent. */
  getFile(side: RepoSide, path: string, ref: string): Promise<RepoFile | undefined>;
  /** Creates `branch` in the head repository at `fromSha`; `exists` if it was already there. */
  createBranch(branch: string, fromSha: string): Promise<'created' | 'exists'>;
  /** Moves `branch` of the head repository to `sha` (a prepared branch whose base moved on is rebuilt from the new base). */
  resetBranch(branch: string, sha: string): Promise<void>;
  /** Asks these GitHub users to review the pull request (a removal opened at expiry goes to the approvers). */
  requestReviewers(number: number, logins: readonly string[]): Promise<void>;
  /** Commits one file update on `branch` of the head repository; `sha` is the blob being replaced. */
  commitFile(update: { branch: string; path: string; content: string; sha: string; message: string }): Promise<{ commitSha: string }>;
  /** The pull request from head `branch` into the base repository, open ones first, or undefined. */
  findPullRequest(branch: string): Promise<OpenedPullRequest | undefined>;
  createPullRequest(pr: { branch: string; base: string; title: string; body: string }): Promise<OpenedPullRequest>;
}
