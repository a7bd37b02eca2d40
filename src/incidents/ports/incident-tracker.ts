/** Where the permanent, linkable record of an incident lives (GitHub issues on kubernetes/k8s.io). */
export interface TrackerIssue {
  number: number;
  url: string;
}

export interface NewTrackerIssue {
  title: string;
  body: string;
  labels: string[];
}

export interface IncidentTracker {
  createIssue(issue: NewTrackerIssue): Promise<TrackerIssue>;
  comment(issueNumber: number, body: string): Promise<void>;
  close(issueNumber: number): Promise<void>;
  /** The post-incident review: a separate issue, pre-filled with the timeline. */
  createReviewIssue(issue: NewTrackerIssue): Promise<TrackerIssue>;
}

/** How the incident core raises and resolves pages, whatever engine does it. */
export interface IncidentPager {
  /** `key` makes a retried call raise the same page; `notified` are Slack ids of who is on call (invited to the channel). */
  page(subprojectId: string, severity: string, summary: string, details: string, byPersonOrSlackId: string, key?: string): Promise<{ pageId: string; notified: string[] }>;
  resolvePage(pageId: string, by: string): Promise<void>;
  /** When the page was acknowledged, if it was (an acknowledged page acknowledges the incident). */
  acknowledgedAt?(pageId: string): Promise<Date | undefined>;
}
