import type { Clock } from '../../core/clock.ts';
import { escapeInline } from '../../core/mrkdwn.ts';
import type { Notifier } from '../../core/notifier.ts';
import { section } from '../../platform/slack/blocks.ts';
import { audit } from '../../platform/outbox/effects.ts';
import type { IncidentSettings } from '../config.ts';
import type { Incident } from '../domain/incident.ts';
import { incidentIssue } from '../domain/issue-text.ts';
import type { IncidentDirectory } from '../incident-directory.ts';
import { postDelivery } from '../jobs/post-incident-message.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { IncidentTracker } from '../ports/incident-tracker.ts';
import { refreshSummary, type RefreshSummaryDeps } from './refresh-summary.ts';

export interface OpenIssueDeps extends RefreshSummaryDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'record'>;
  tracker: Pick<IncidentTracker, 'createIssue' | 'findIssue'>;
  notifier: Pick<Notifier, 'update'>;
  directory: Pick<IncidentDirectory, 'view' | 'issueText'>;
  settings: Pick<IncidentSettings, 'repo' | 'labels'>;
  clock: Clock;
}

/**
 * Opens the incident's GitHub issue (once: a recorded number means done). `attempt` is the job's:
 * a retry first looks for the issue an earlier attempt may have opened (its marker, its labels,
 * the bot's login) before opening one; the first failure tells the channel the record is late;
 * throwing retries with backoff.
 */
export async function openIssue(deps: OpenIssueDeps, incidentId: string, attempt: number): Promise<void> {
  const incident = await deps.incidents.get(incidentId);
  if (!incident || incident.issueNumber !== null) return;
  try {
    const wanted = incidentIssue(incident, deps.settings.labels, deps.directory.issueText(incident));
    const earlier = attempt > 1 ? await deps.tracker.findIssue(wanted.marker, deps.settings.labels, incident.declaredAt) : undefined;
    const issue = earlier ?? (await deps.tracker.createIssue(wanted));
    const now = deps.clock.now();
    const late = attempt > 1 ? ` (after ${attempt} attempts)` : '';
    await deps.incidents.record(incident.id, {
      links: { issueNumber: issue.number, issueUrl: issue.url },
      entry: { at: now, kind: 'issue', actor: 'system', text: `GitHub issue <${issue.url}|#${issue.number}> opened${late}` },
      dedupKey: 'issue',
      effects: [audit({ at: now, actor: 'system', action: 'incident.issue_opened', subject: `incident:${incident.id}`, payload: { number: issue.number, url: issue.url, attempts: attempt, found: earlier !== undefined } })],
    });
    await refreshSummary(deps, incident.id);
  } catch (err) {
    if (attempt === 1) await sayIssueIsLate(deps, incident, err);
    throw err;
  }
}

/** Said once, where people look: the record is late, and why (a keyed post, committed with the entry). */
async function sayIssueIsLate(deps: OpenIssueDeps, incident: Incident, err: unknown): Promise<void> {
  // GitHub's own words are third-party text: escaped, on one line, short.
  const why = escapeInline((err instanceof Error ? err.message : String(err)).slice(0, 300));
  const text = `GitHub did not answer (${why}); the issue will be opened in ${deps.settings.repo} when it does`;
  const now = deps.clock.now();
  // The set-up job may still be creating the channel; the pinned summary shows the timeline either way.
  const channelId = (await deps.incidents.get(incident.id))?.channelId;
  const post = channelId ? [postDelivery(`incident-issue-late:${incident.id}`, incident.id, channelId, { text: `:warning: ${text}.`, blocks: [section(`:warning: ${text}.`)] }, now)] : [];
  await deps.incidents.record(incident.id, { entry: { at: now, kind: 'issue_delayed', actor: 'system', text }, dedupKey: 'issue-delayed', effects: post });
  await refreshSummary(deps, incident.id).catch(() => undefined);
}
