import type { EscalationEffect, PagerEffect, Transition } from './effects.ts';
import { pagerEffect } from './escalation-engine.ts';
import type { PagerOutcome } from './pager-types.ts';
import type { PageState } from './page-state.ts';
import { nextRetryAt } from './retry-schedule.ts';
import type { RetryScheduleOptions } from './retry-schedule.ts';

/**
 * Writes the result of a pager call onto the page: a timeline entry, the delivery state and,
 * for a retryable failure, a retry job (`pager` effect with `dueAt`) on the `nextRetryAt`
 * schedule. A 400 is recorded and never retried.
 */
export function recordPagerOutcome(
  state: PageState,
  sent: PagerEffect,
  outcome: PagerOutcome,
  now: Date,
  retry: Omit<RetryScheduleOptions, 'retryAfterMs'> = {},
): Transition {
  const { action, attempt } = sent;
  const effects: EscalationEffect[] = [];
  let delivery: PageState['pager'][typeof action];
  let text: string;
  switch (outcome.kind) {
    case 'ok':
      delivery = 'ok';
      text = `PagerDuty ${action} accepted (${outcome.status})`;
      if (outcome.summaryTruncated) text += '; summary truncated to 1024 characters there, full text here';
      break;
    case 'skipped':
      delivery = 'skipped';
      text = `PagerDuty ${action} not sent: ${outcome.message}`;
      break;
    case 'permanent':
      delivery = 'failed';
      text = `PagerDuty rejected ${action}${outcome.status ? ` (${outcome.status})` : ''}: ${outcome.message}; not retried`;
      break;
    case 'retryable': {
      const due = nextRetryAt(attempt, now, { ...retry, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}) });
      const what = `PagerDuty ${action} failed (${outcome.status ?? 'no response'}: ${outcome.message})`;
      if (due) {
        delivery = 'retrying';
        text = `${what}; attempt ${attempt + 1} at ${due.toISOString()}`;
        effects.push(pagerEffect(state, action, attempt + 1, due));
      } else {
        delivery = 'failed';
        text = `${what}; giving up after ${attempt} attempts`;
      }
      break;
    }
  }
  const next: PageState = {
    ...state,
    version: state.version + 1,
    pager: { ...state.pager, [action]: delivery },
    timeline: [...state.timeline, { at: now.toISOString(), kind: 'pager', text }],
  };
  return { state: next, effects };
}
