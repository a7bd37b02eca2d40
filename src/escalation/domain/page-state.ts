import type { Severity } from './directory.ts';
import type { EscalationPolicy } from './policy-schema.ts';
import type { PagerAction } from './pager-types.ts';

/** Where an acknowledgement or resolution came from. */
export type ActorSource = 'slack' | 'pagerduty';

export type PageStatus = 'triggered' | 'acknowledged' | 'resolved';

export type TimelineKind =
  | 'triggered'
  | 'notified'
  | 'skipped'
  | 'not-renotified'
  | 'note'
  | 'step-empty'
  | 'pass-started'
  | 'policy-exhausted'
  | 'escalated'
  | 'acknowledged'
  | 'resolved'
  | 'pager'
  /** Someone else reported the same trouble while the page was open (their page joined it). */
  | 'reported';

export interface TimelineEntry {
  /** ISO-8601 instant. */
  at: string;
  kind: TimelineKind;
  text: string;
  personId?: string;
  /** 1-based step and pass the entry belongs to, when it belongs to one. */
  step?: number;
  pass?: number;
  /** On a `reported` entry: the idempotency key of the request that added it (a retry adds nothing). */
  reportKey?: string;
  /** On a `note` another capability added (a contact reveal): its idempotency key. */
  noteKey?: string;
}

export interface NotificationRecord {
  personId: string;
  pass: number;
  /** 1-based. */
  step: number;
  at: string;
}

/** Where each pager call stands; `failed` = permanent error or retries given up. */
export type PagerDelivery = 'not-sent' | 'pending' | 'ok' | 'retrying' | 'failed' | 'skipped';

/**
 * Everything about one page. Plain JSON (ISO strings, no Dates) so the store can keep it as one
 * row plus the timeline without conversion code.
 */
export interface PageState {
  id: string;
  subprojectId: string;
  severity: Severity;
  summary: string;
  details: string;
  createdBy: string;
  createdAt: string;
  /** Snapshot taken when the page starts, so a config reload does not reshape a running page. */
  policy: EscalationPolicy;
  status: PageStatus;
  /** 0-based index of the step that fired last (the current step); -1 before the first. */
  stepIndex: number;
  /** 1-based pass over the policy's steps; at most `policy.repeat + 1`. */
  pass: number;
  /** Incremented each time steps fire; a step job whose stepSeq differs is stale. */
  stepSeq: number;
  /** Incremented on every change: the row's optimistic-concurrency token. */
  version: number;
  nextStepDueAt?: string;
  exhaustedAt?: string;
  /** A person id, or the pager user's display name when `acknowledgedVia` is 'pagerduty'. */
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  acknowledgedVia?: ActorSource;
  resolvedBy?: string;
  resolvedAt?: string;
  resolvedVia?: ActorSource;
  notifications: NotificationRecord[];
  pager: Record<PagerAction, PagerDelivery>;
  timeline: TimelineEntry[];
}

/** People notified in the current pass → the step that notified them first. */
export function notifiedInPass(state: PageState, pass: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of state.notifications) if (n.pass === pass && !out.has(n.personId)) out.set(n.personId, n.step);
  return out;
}
