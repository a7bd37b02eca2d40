import type { Severity } from './directory.ts';

/*
 * What the escalation knows of a pager (PagerDuty today): the calls it asks for, how they ended,
 * and acknowledgements or resolutions made in the pager itself. Plain data, so the domain stays
 * free of the adapter; the `Pager` port (../ports/pager.ts) is built from these.
 */

export type PagerAction = 'trigger' | 'acknowledge' | 'resolve';

/** What a pager needs to open an alert. `pageId` is the dedup key, so it must be at most 255 characters. */
export interface PagerAlert {
  pageId: string;
  subprojectId: string;
  severity: Severity;
  /** The full summary; an adapter with a length limit truncates its copy, Slack keeps this one. */
  summary: string;
  details: string;
  createdAt: string;
  createdBy: string;
}

export interface PagerRef {
  pageId: string;
  subprojectId: string;
}

/**
 * How a pager call ended. `retryable` (rate limit, 5xx, network) is retried on the schedule of
 * `nextRetryAt`; `permanent` (400: the event itself is wrong) is recorded and never retried;
 * `skipped` means this subproject has no pager configured.
 */
export type PagerOutcome =
  | { kind: 'ok'; status: number; summaryTruncated?: boolean }
  | { kind: 'retryable'; status?: number; message: string; retryAfterMs?: number }
  | { kind: 'permanent'; status?: number; message: string }
  | { kind: 'skipped'; message: string };

/** An acknowledgement or resolution made in the pager itself (from a verified webhook). */
export interface ExternalPagerEvent {
  action: 'acknowledge' | 'resolve';
  pageId: string;
  /** Display name of whoever acted in the pager, e.g. "Jane Doe". */
  by: string;
  at: string;
  /** The pager's own ids, for the timeline and idempotency (e.g. webhook event id). */
  incidentId?: string;
  eventId?: string;
}

/** PagerDuty's limit on `dedup_key`; page ids must fit. */
export const MAX_PAGE_ID_LENGTH = 255;
