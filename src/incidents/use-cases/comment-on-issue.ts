import type { Once } from '../../platform/outbox/commit-transition.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { IncidentTracker } from '../ports/incident-tracker.ts';

export interface CommentOnIssueDeps {
  incidents: Pick<IncidentStore, 'get'>;
  tracker: Pick<IncidentTracker, 'comment'>;
  once: Once;
}

/** Posts one update on the incident's issue, once per delivery (`deliveryKey`: the job's id). */
export async function commentOnIssue(deps: CommentOnIssueDeps, incidentId: string, body: string, deliveryKey: string): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident) return;
  // Throwing retries with backoff until the issue is opened.
  if (incident.issueNumber === null) throw new Error('the incident issue is not opened yet');
  const number = incident.issueNumber;
  await deps.once(`${deliveryKey}:done`, () => deps.tracker.comment(number, body));
}
