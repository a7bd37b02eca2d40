import type { Clock } from '../../core/clock.ts';
import type { Once } from '../../platform/outbox/commit-transition.ts';
import { audit } from '../../platform/outbox/effects.ts';
import type { IncidentSettings } from '../config.ts';
import { resolutionComment, REVIEW_LABEL, reviewIssue } from '../domain/issue-text.ts';
import type { IncidentDirectory } from '../incident-directory.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { IncidentTracker } from '../ports/incident-tracker.ts';
import { commentOnce } from './comment-on-issue.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export interface CloseIssueDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'record'>;
  tracker: Pick<IncidentTracker, 'comment' | 'hasComment' | 'close' | 'createReviewIssue' | 'findIssue'>;
  once: Once;
  directory: Pick<IncidentDirectory, 'view' | 'issueText' | 'personName'>;
  settings: Pick<IncidentSettings, 'labels'>;
  clock: Clock;
}

/**
 * After resolution: the resolution comment, closing the issue and opening the post-incident
 * review, each step done once however often the job is retried (`deliveryKey`: the job's id;
 * `attempt` > 1: look for a review an earlier attempt opened before opening one).
 */
export async function closeIssue(deps: CloseIssueDeps, incidentId: string, deliveryKey: string, attempt = 1): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident) return;
  if (incident.issueNumber === null) throw new Error('the incident issue is not opened yet');
  const number = incident.issueNumber;
  await commentOnce(deps, number, resolutionComment(incident, deps.directory), `${deliveryKey}:comment`, attempt);
  await deps.once(`${deliveryKey}:closed`, () => deps.tracker.close(number));
  if (incident.reviewIssueNumber !== null) return;
  const timeline = await deps.incidents.timeline(incident.id);
  const wanted = reviewIssue(incident, timeline, deps.settings.labels, deps.directory.issueText(incident));
  const earlier = attempt > 1 ? await deps.tracker.findIssue(wanted.marker, [...deps.settings.labels, REVIEW_LABEL], incident.declaredAt) : undefined;
  const review = earlier ?? (await deps.tracker.createReviewIssue(wanted));
  const now = deps.clock.now();
  await deps.incidents.record(incident.id, {
    links: { reviewIssueNumber: review.number, reviewIssueUrl: review.url },
    entry: { at: now, kind: 'issue', actor: 'system', text: `Issue #${number} closed; post-incident review <${review.url}|#${review.number}> opened` },
    dedupKey: 'review',
    effects: [audit({ at: now, actor: 'system', action: 'incident.review_opened', subject: `incident:${incident.id}`, payload: { number: review.number, url: review.url, found: earlier !== undefined } })],
  });
  await refreshSummary(deps, incident.id);
}
