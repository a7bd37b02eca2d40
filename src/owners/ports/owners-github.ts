/** What nominations and offboardings need from GitHub: an issue, comments, and a pull request editing one file. */
export interface OwnersGithub {
  /** Opens the issue unless one carrying `marker` exists (a retried job files once). */
  openIssue(issue: { title: string; body: string; labels: readonly string[]; marker: string }): Promise<{ number: number; url: string }>;
  comment(issueNumber: number, body: string, marker: string): Promise<void>;
  /**
   * A pull request editing one file on its own branch, as a person would open it; the same
   * branch again finds the one opened before. Undefined when `edit` finds nothing to change.
   */
  openFilePullRequest(pr: { repo: string; base: string; path: string; branch: string; title: string; body: string; edit: (text: string) => string | undefined }): Promise<{ number: number; url: string } | undefined>;
}
