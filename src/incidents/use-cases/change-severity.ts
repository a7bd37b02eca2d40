import type { Severity, TimelineEntry } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentActor } from '../domain/incident-policy.ts';
import { updateComment } from '../domain/issue-text.ts';
import type { ReminderMinutes } from '../domain/reminder-rule.ts';
import type { IncidentDirectory } from '../incident-directory.ts';
import { githubDelivery } from '../jobs/record-on-github.ts';
import { nextReminder } from '../jobs/remind-commander.ts';
import { announceChange, type AnnounceDeps } from './announce-change.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export type ChangeSeverityDeps = TransitionDeps &
  AnnounceDeps & {
    directory: Pick<IncidentDirectory, 'view' | 'personName'>;
    reminderMinutes: ReminderMinutes;
  };

/** A new severity: announced, commented on the issue, and the reminder follows the new interval. */
export async function changeSeverity(deps: ChangeSeverityDeps, incidentId: string, severity: Severity, by: IncidentActor, key: string): Promise<TransitionOutcome> {
  return applyTransition(deps, {
    incidentId,
    key,
    actor: by,
    permission: 'change-severity',
    action: 'incident.severity_changed',
    make: (incident, now) => lifecycle.changeSeverity(incident, severity, by.slackId, now),
    effects: (after, now, entries) => {
      const entry: TimelineEntry = { at: now, kind: 'severity', actor: by.slackId, text: `Severity changed to ${severity}` };
      return [
        githubDelivery(`incident-github:${after.id}:severity:${now.getTime()}:${severity}`, { incidentId: after.id, action: 'comment', body: updateComment(entry, deps.directory) }, now),
        nextReminder(after, deps.reminderMinutes, 0),
        ...announceChange(deps, after, entries, key, true, now),
      ];
    },
  });
}
