import type { NewTrackerIssue } from '../domain/issue-text.ts';

/** Where the permanent, linkable record of an incident lives (GitHub issues on kubernetes/k8s.io). */
export interface TrackerIssue {
  number: number;
  url: string;
}

export interface IncidentTracker {
  createIssue(issue: NewTrackerIssue): Promise<TrackerIssue>;
  /**
   * The bot's own issue whose body carries `marker`, among those with `labels` updated since
   * `since`: looked for before retrying a create whose answer may have been lost (GitHub opened
   * the issue, the connection dropped), so the retry does not open a second one.
   */
  findIssue(marker: string, labels: readonly string[], since: Date): Promise<TrackerIssue | undefined>;
  comment(issueNumber: number, body: string): Promise<void>;
  /** Whether a comment on the issue carries `marker` (a comment whose answer was lost). */
  hasComment(issueNumber: number, marker: string): Promise<boolean>;
  close(issueNumber: number): Promise<void>;
  /** The post-incident review: a separate issue, pre-filled with the timeline. */
  createReviewIssue(issue: NewTrackerIssue): Promise<TrackerIssue>;
}
