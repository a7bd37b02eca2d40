/** One file of a pull request: `edit` gets its text on the base branch (undefined when absent) and returns the new text, or undefined for no change. */
export interface FileEdit {
  path: string;
  edit: (text: string | undefined) => string | undefined;
}

/** What nominations and offboardings need from GitHub: an issue (its body kept up to date), comments, and pull requests. */
export interface OwnersGithub {
  /** Opens the issue unless one carrying `marker` exists (a retried job files once). */
  openIssue(issue: { title: string; body: string; labels: readonly string[]; marker: string }): Promise<{ number: number; url: string }>;
  comment(issueNumber: number, body: string, marker: string): Promise<void>;
  /** Rewrites the issue's body with `update` of the current one (no write when it returns the same text). */
  updateIssueBody(issueNumber: number, update: (body: string) => string): Promise<void>;
  /**
   * A pull request on `repo` editing these files in one commit on its own branch, as a person
   * would open it; the same branch again finds the one opened before. Undefined when no edit
   * changes anything.
   */
  openFilesPullRequest(pr: { repo: string; base: string; branch: string; title: string; body: string; files: readonly FileEdit[] }): Promise<{ number: number; url: string } | undefined>;
}
