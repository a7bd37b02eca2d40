import type { CharterAnswers, Tier } from './tier.ts';

/**
 * A change to the group's infrastructure, from its announcement to its outcome.
 * - open: collecting the reviews its tier needs (and, for medium and high, lazy consensus);
 * - cleared: reviews complete and, where needed, lazy consensus reached or accepted;
 * - done / rolled-back: the author (or a lead) said how the window went;
 * - rejected: the reviewers decided against it after an objection; withdrawn: the author or a
 *   lead called it off, or its issue was closed on GitHub.
 */
export const CHANGE_STATES = ['open', 'cleared', 'done', 'rolled-back', 'rejected', 'withdrawn'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export function isFinished(state: ChangeState): boolean {
  return state === 'done' || state === 'rolled-back' || state === 'rejected' || state === 'withdrawn';
}

export interface PullRequestRef {
  repo: string;
  number: number;
  url: string;
}

export interface RuleMatch {
  rule: string;
  tier: Tier;
  path: string;
  /** What in the file made the rule apply ("NS records of sub.k8s.io", "members of …"). */
  detail: string;
}

export interface OwnersEntry {
  /** The OWNERS file, e.g. `groups/sig-k8s-infra/OWNERS`. */
  file: string;
  approvers: string[];
  reviewers: string[];
}

/** What the bot learnt from a pull request's changed files. */
export interface PrAnalysis {
  fileCount: number;
  /** The first files (the message shows a few, the record keeps up to 100). */
  files: string[];
  matches: RuleMatch[];
  pathTier: Tier;
  /** The nearest OWNERS files of the changed paths. */
  owners: OwnersEntry[];
  /** GitHub handles whose /approve Prow accepts for the changed files, nearest OWNERS first. */
  approvers: string[];
  author: string;
  headSha: string;
}

/** `withdrawn`: an objection taken back on GitHub (`/object cancel`); it counts for nothing. */
export type Verdict = 'approve' | 'object' | 'withdrawn';

export interface Review {
  /** A Slack user id, or `github:<login>` for an objection made on GitHub by someone not in the config. */
  reviewer: string;
  verdict: Verdict;
  reason: string;
  at: Date;
  source: 'slack' | 'github';
}

export type ConsensusOutcome = 'pending' | 'reached' | 'blocked' | 'waiting-for-notice' | 'accepted';

/** Lazy consensus on a medium or high change: the issue, its deadline and its kubernetes-dev@ notice. */
export interface LazyConsensus {
  /** Bumped whenever the deadline is set again; a reminder or deadline job of an older one does nothing. */
  generation: number;
  issue: { number: number; url: string } | null;
  /** When the count started (the issue opened, or the notice was recorded late). */
  startedAt: Date | null;
  deadline: Date | null;
  /** How the deadline was counted, and what quiet periods moved it. */
  deadlineNotes: string[];
  noticeSentAt: Date | null;
  noticeUrl: string | null;
  outcome: ConsensusOutcome;
  outcomeAt: Date | null;
}

export interface Change {
  id: string;
  title: string;
  description: string;
  rollbackPlan: string;
  services: string[];
  /** Owning SIGs: the ones the author named and those of the services affected. */
  sigs: string[];
  answers: CharterAnswers;
  tier: Tier;
  /** Why the tier is what it is: answers, path rules, the author raising it. */
  tierReasons: string[];
  author: string;
  authorName: string;
  authorGithub: string | null;
  /** The author's zone: the window was entered in it. */
  authorZone: string;
  windowStart: Date;
  windowEnd: Date;
  pr: PullRequestRef | null;
  prAnalysis: PrAnalysis | null;
  prAnalysisState: 'none' | 'pending' | 'done' | 'failed';
  prAnalysisError: string | null;
  /** Slack ids of the OWNERS approvers of the changed paths (they are asked first). */
  suggestedReviewers: string[];
  lazy: LazyConsensus | null;
  hold: { placed: boolean; cancelled: boolean; heldByOthers: boolean };
  message: { channel: string; ts: string; permalink: string | null } | null;
  state: ChangeState;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
  windowAnnouncedAt: Date | null;
  incidentFlags: string[];
  finishedAt: Date | null;
  finishedBy: string | null;
  createdAt: Date;
  version: number;
}

/** The GitHub login a review was made as, for reviews made on GitHub. */
export function githubReviewer(login: string): string {
  return `github:${login.toLowerCase()}`;
}

export function needsLazyConsensus(tier: Tier, mediumNeedsLazyConsensus: boolean): boolean {
  return tier === 'high' || (tier === 'medium' && mediumNeedsLazyConsensus);
}

export function newLazyConsensus(): LazyConsensus {
  return { generation: 0, issue: null, startedAt: null, deadline: null, deadlineNotes: [], noticeSentAt: null, noticeUrl: null, outcome: 'pending', outcomeAt: null };
}

/** Whether the kubernetes-dev@ notice is on record (sent through the relay, or its archive link pasted). */
export function noticeRecorded(lazy: LazyConsensus): boolean {
  return lazy.noticeSentAt !== null || lazy.noticeUrl !== null;
}

/** Open objections: reviewers whose latest word is an objection. */
export function openObjections(reviews: readonly Review[]): Review[] {
  return reviews.filter((r) => r.verdict === 'object');
}
