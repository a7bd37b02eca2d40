import type { Effect } from '../../platform/outbox/effects.ts';
import type { Change, Review } from '../domain/change.ts';

export interface ChangeWithReviews {
  change: Change;
  reviews: Review[];
}

/** One state change of a change, with what it asks for; committed together or not at all. */
export interface ChangeWrite {
  /** From the Slack payload (a click, a submission): the same key again is `already-done`. */
  key?: string;
  /** The change as read: the write happens only if nobody changed it since. */
  before: Change;
  after: Change;
  /** A review to record with it (one per person: it replaces their earlier one). */
  review?: Review;
  effects: readonly Effect[];
}

/** `conflict`: someone else changed it first; read again and retry. */
export type SaveOutcome = { saved: Change } | 'already-done' | 'conflict';

export interface ChangeStore {
  get(id: string): Promise<ChangeWithReviews | undefined>;
  /** A new change with its effects; false (nothing written) when the id exists: a retried submission. */
  create(change: Change, effects: readonly Effect[]): Promise<boolean>;
  save(write: ChangeWrite): Promise<SaveOutcome>;
  listOpen(): Promise<Change[]>;
  /** Decided changes, newest first, matching every word of `query`. */
  decisions(query: string, limit: number): Promise<Change[]>;
  /** Changes whose lazy-consensus issue or pull request is `repo#number`. */
  byGithub(repo: string, number: number): Promise<Change[]>;
}
