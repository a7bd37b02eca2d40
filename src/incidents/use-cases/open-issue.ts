import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import { audit } from '../../platform/outbox/effects.ts';
import type { IncidentSettings } from '../config.ts';
import type { Incident } from '../domain/incident.ts';
import { incidentIssue } from '../domain/issue-text.ts';
import type { IncidentDirectory } from '../incident-directory.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { IncidentTracker } from '../ports/incident-tracker.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export interface OpenIssueDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'record'>;
  tracker: Pick<IncidentTracker, 'createIssue'>;
  notifier: Pick<Notifier, 'post' | 'update'>;
  directory: Pick<IncidentDirectory, 'view' | 'issueText'>;
  settings: Pick<IncidentSettings, 'repo' | 'labels'>;
  clock: Clock;
}

/**
 * Opens the incident's GitHub issue (once: a recorded number means done). `attempt` is the job's:
 * the first failure tells the channel the record is late; throwing retries with backoff.
 */
export async function openIssue(deps: OpenIssueDeps, incidentId: string, attempt: number): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident || incident.issueNumber !== null) return;
  try {
    const issue = await deps.tracker.createIssue(incidentIssue(incident, deps.settings.labels, deps.directory.issueText(incident)));
    const now = deps.clock.now();
    const late = attempt > 1 ? ` (after ${attempt} attempts)` : '';
    await deps.incidents.record(incident.id, {
      links: { issueNumber: issue.number, issueUrl: issue.url },
      entry: { at: now, kind: 'issue', actor: 'system', text: `GitHub issue <${issue.url}|#${issue.number}> opened${late}` },
      dedupKey: 'issue',
      effects: [audit({ at: now, actor: 'system', action: 'incident.issue_opened', subject: `incident:${incident.id}`, payload: { number: issue.number, url: issue.url, attempts: attempt } })],
    });
    await refreshSummary(deps, incident.id);
  } catch (err) {
    if (attempt === 1) await sayIssueIsLate(deps, incident, err);
    throw err;
  }
}

/** Said once, where people look: the record is late, and why. */
async function sayIssueIsLate(deps: OpenIssueDeps, incident: Incident, err: unknown): Promise<void> {
  const text = `GitHub did not answer (${err instanceof Error ? err.message : String(err)}); the issue will be opened in ${deps.settings.repo} when it does`;
  const added = await deps.incidents.record(incident.id, { entry: { at: deps.clock.now(), kind: 'issue_delayed', actor: 'system', text }, dedupKey: 'issue-delayed' });
  if (!added) return;
  // The set-up job may still be creating the channel; the pinned summary shows the timeline either way.
  const channelId = (await deps.incidents.get(incident.id))?.channelId;
  if (channelId) await deps.notifier.post(channelId, { text: `:warning: ${text}.` }).catch(() => undefined);
  await refreshSummary(deps, incident.id).catch(() => undefined);
}
