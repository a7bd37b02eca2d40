import type { Once } from '../../platform/outbox/commit-transition.ts';
import { commentMarker, withMarker } from '../domain/issue-text.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { IncidentTracker } from '../ports/incident-tracker.ts';

export interface CommentOnIssueDeps {
  incidents: Pick<IncidentStore, 'get'>;
  tracker: Pick<IncidentTracker, 'comment' | 'hasComment'>;
  once: Once;
}

/**
 * Posts one comment on the incident's issue, once per delivery (`deliveryKey`: the job's id). The
 * comment carries a marker: a retry (`attempt` > 1) whose earlier answer was lost finds it on the
 * issue instead of commenting twice.
 */
export async function commentOnce(deps: Pick<CommentOnIssueDeps, 'tracker' | 'once'>, issueNumber: number, body: string, deliveryKey: string, attempt: number): Promise<void> {
  const marker = commentMarker(deliveryKey);
  await deps.once(`${deliveryKey}:done`, async () => {
    if (attempt > 1 && (await deps.tracker.hasComment(issueNumber, marker))) return;
    await deps.tracker.comment(issueNumber, withMarker(body, marker));
  });
}

/** Posts one update on the incident's issue (throwing, so the job retries, until the issue is opened). */
export async function commentOnIssue(deps: CommentOnIssueDeps, incidentId: string, body: string, deliveryKey: string, attempt = 1): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident) return;
  if (incident.issueNumber === null) throw new Error('the incident issue is not opened yet');
  await commentOnce(deps, incident.issueNumber, body, deliveryKey, attempt);
}
