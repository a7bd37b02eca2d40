import type { Transition } from './access-request-lifecycle.ts';

/** What a committed transition counts for: a request, a decision, a merge (with its time from the request). */
export type AccessMetricEvent =
  | { kind: 'requested'; group: string }
  | { kind: 'decided'; group: string; decision: 'approved' | 'denied' | 'cancelled' }
  | { kind: 'merged'; group: string; seconds: number };

/** The metric events of one committed transition (pure: times come from the request). */
export function accessMetricEvents(t: Transition): AccessMetricEvent[] {
  if (!t.changed) return [];
  const group = t.request.group.emailId.toLowerCase();
  switch (t.outcome) {
    case 'requested':
      return [{ kind: 'requested', group }];
    case 'approved':
    case 'denied':
    case 'cancelled':
      return [{ kind: 'decided', group, decision: t.outcome }];
    case 'fulfilled': {
      // Only a merged pull request (not "nothing to change") has a time to merge.
      if (!t.request.pullRequest) return [];
      const seconds = (new Date(t.request.updatedAt).getTime() - new Date(t.request.createdAt).getTime()) / 1000;
      return [{ kind: 'merged', group, seconds: Math.max(0, seconds) }];
    }
    default:
      return [];
  }
}
