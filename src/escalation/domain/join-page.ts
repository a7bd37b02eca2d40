import type { Severity } from './directory.ts';
import type { Transition } from './effects.ts';
import type { PageState } from './page-state.ts';

/** A person's page request for a subproject that already has an open page. */
export interface PageReport {
  /** The request's idempotency key (a Slack trigger or view id): the same request joins once. */
  key: string;
  /** Person id, or the Slack id of someone not in the config. */
  by: string;
  severity: Severity;
  summary: string;
  details?: string;
}

export type JoinResult =
  | (Transition & { kind: 'joined' })
  | { kind: 'already-joined'; state: PageState; effects: [] }
  /** Resolved since it was found open: the request raises a page of its own. */
  | { kind: 'closed'; state: PageState; effects: [] };

/**
 * A second page for a subproject with an open page joins it instead of waking people again: the
 * report goes on the open page's timeline (and so into its thread), and nothing else changes. The
 * people already paged see it; whoever reported it is told where their report went.
 */
export function joinPage(state: PageState, report: PageReport, now: Date): JoinResult {
  if (state.status === 'resolved') return { kind: 'closed', state, effects: [] };
  if (state.timeline.some((e) => e.kind === 'reported' && e.reportKey === report.key)) return { kind: 'already-joined', state, effects: [] };
  const details = report.details?.trim() ? ` (details: ${report.details.trim()})` : '';
  const next: PageState = {
    ...state,
    version: state.version + 1,
    timeline: [
      ...state.timeline,
      { at: now.toISOString(), kind: 'reported', text: `also reported by @${report.by} (severity ${report.severity}): ${report.summary}${details}`, personId: report.by, reportKey: report.key },
    ],
  };
  return { kind: 'joined', state: next, effects: [] };
}
