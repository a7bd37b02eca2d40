/** Where the record of a change lives: its lazy-consensus issue, and comments on it and its PR. */
export interface NewChangeIssue {
  title: string;
  body: string;
  labels: readonly string[];
  /** A string only this change's issue contains (its hidden marker), to find one opened before an answer was lost. */
  findBy: string;
}

export interface OpenedIssue {
  number: number;
  url: string;
  body: string;
  /** False when an issue with the marker already existed (a retry). */
  created: boolean;
}

export interface ChangeTracker {
  openIssue(issue: NewChangeIssue): Promise<OpenedIssue>;
  /** Comments on an issue or pull request of `repo`, unless a comment holding `marker` is there already. */
  comment(repo: string, number: number, body: string, marker: string): Promise<'posted' | 'already-posted'>;
  /** Closes an issue of the tracker's repository: completed (done) or not planned (withdrawn, rejected). */
  closeIssue(number: number, reason: 'completed' | 'not_planned'): Promise<void>;
}

/** GitHub refused the request for good (gone, forbidden, invalid): retrying cannot help. */
export class TrackerRefused extends Error {}
