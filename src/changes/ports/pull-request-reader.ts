export interface PullRequestHead {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  author: string;
  /** The base commit (or branch) its files are compared with. */
  baseRef: string;
  headSha: string;
}

export interface PullRequestFile {
  path: string;
  previousPath?: string | undefined;
  status: 'added' | 'removed' | 'modified' | 'renamed';
}

/** What the bot reads of a pull request to classify a change: the PR, its files, and files at a commit. */
export interface PullRequestReader {
  head(repo: string, number: number): Promise<PullRequestHead | 'not-found'>;
  /** Its changed files (GitHub lists at most 3000); `total` counts them all. */
  files(repo: string, number: number): Promise<{ files: PullRequestFile[]; total: number }>;
  /** A file's text at a commit, or undefined when it does not exist there. */
  file(repo: string, path: string, ref: string): Promise<string | undefined>;
}
