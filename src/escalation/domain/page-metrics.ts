import type { PageState } from './page-state.ts';

export interface PageMetrics {
  /** Undefined until acknowledged. A page resolved without an ack has no time to acknowledge. */
  timeToAcknowledgeSeconds?: number;
  timeToResolveSeconds?: number;
  /** Distinct notifications sent (a person re-notified on a repeat pass counts twice). */
  notifications: number;
  /** Highest step reached, 1-based, and the pass it was reached in. */
  stepReached: number;
  pass: number;
  escalatedManually: number;
  exhausted: boolean;
}

function secondsBetween(from: string, to: string | undefined): number | undefined {
  if (to === undefined) return undefined;
  return (Date.parse(to) - Date.parse(from)) / 1000;
}

export function timeToAcknowledgeSeconds(page: PageState): number | undefined {
  return secondsBetween(page.createdAt, page.acknowledgedAt);
}

export function timeToResolveSeconds(page: PageState): number | undefined {
  return secondsBetween(page.createdAt, page.resolvedAt);
}

/** A page's figures, computed from its state alone (the Prometheus metrics observe the times). */
export function pageMetrics(page: PageState): PageMetrics {
  const ack = timeToAcknowledgeSeconds(page);
  const res = timeToResolveSeconds(page);
  return {
    ...(ack !== undefined ? { timeToAcknowledgeSeconds: ack } : {}),
    ...(res !== undefined ? { timeToResolveSeconds: res } : {}),
    notifications: page.notifications.length,
    stepReached: page.stepIndex + 1,
    pass: page.pass,
    escalatedManually: page.timeline.filter((e) => e.kind === 'escalated').length,
    exhausted: page.exhaustedAt !== undefined,
  };
}
