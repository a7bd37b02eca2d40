import type { Severity } from './directory.ts';
import type { PagerAction, PagerAlert } from './pager-types.ts';
import type { PageState } from './page-state.ts';

/** Send one person the page (Slack DM, phone...). Deliver only while `shouldDeliver` holds. */
export interface NotifyEffect {
  kind: 'notify';
  /** Idempotency key for the outbox: `${pageId}:notify:${pass}:${step}:${personId}`. */
  key: string;
  pageId: string;
  personId: string;
  slackId: string;
  pass: number;
  step: number;
  severity: Severity;
  summary: string;
  reason: string;
  withinWorkingHours: boolean;
  /** Page version that produced it, for logs and tests; delivery is gated on status, see shouldDeliver. */
  version: number;
}

/** Persist a job row: at `dueAt` call fireStep(state, dueAt, directory, { stepSeq }). */
export interface ScheduleNextStepEffect {
  kind: 'schedule-next-step';
  /** `${pageId}:step:${stepSeq}`: unique per job, so a retried transaction inserts it once. */
  key: string;
  pageId: string;
  dueAt: string;
  stepSeq: number;
}

/** Drop pending step jobs of the page (an optimisation: they would no-op anyway). */
export interface CancelNextStepEffect {
  kind: 'cancel-next-step';
  pageId: string;
}

/** Every step and pass ran without an acknowledgement, or the policy named nobody at all. */
export interface PolicyExhaustedEffect {
  kind: 'policy-exhausted';
  pageId: string;
  passes: number;
  reason: 'nobody-acknowledged' | 'nobody-to-notify';
}

/**
 * Call the pager. Without `dueAt`: now, after commit. With `dueAt`: a retry job row. Before
 * calling, check `pagerActionWanted(state, action)` on the fresh state.
 */
export interface PagerEffect {
  kind: 'pager';
  key: string;
  action: PagerAction;
  attempt: number;
  dueAt?: string;
  alert: PagerAlert;
}

export type EscalationEffect =
  | NotifyEffect
  | ScheduleNextStepEffect
  | CancelNextStepEffect
  | PolicyExhaustedEffect
  | PagerEffect;

export interface Transition {
  state: PageState;
  effects: EscalationEffect[];
}

/**
 * The re-check the deliverer does right before sending a notification, on the page row it has
 * just read (in the short transaction that marks the outbox row "sending"): a page that has been
 * acknowledged or resolved since the step fired must not wake anyone. Status only moves forward
 * (triggered → acknowledged → resolved), so status alone decides; a later step firing (version
 * moved on) does not cancel an earlier step's notifications.
 */
export function shouldDeliver(current: Pick<PageState, 'status'>, _effect: NotifyEffect): boolean {
  return current.status === 'triggered';
}
