import type { NewTrackerIssue } from '../domain/issue-text.ts';

/** Where the permanent, linkable record of an incident lives (GitHub issues on kubernetes/k8s.io). */
export interface TrackerIssue {
  number: number;
  url: string;
}

export interface IncidentTracker {
  createIssue(issue: NewTrackerIssue): Promise<TrackerIssue>;
  comment(issueNumber: number, body: string): Promise<void>;
  close(issueNumber: number): Promise<void>;
  /** The post-incident review: a separate issue, pre-filled with the timeline. */
  createReviewIssue(issue: NewTrackerIssue): Promise<TrackerIssue>;
}
