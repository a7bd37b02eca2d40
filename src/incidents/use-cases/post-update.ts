import type { IncidentStatus } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentActor } from '../domain/incident-policy.ts';
import { updateComment } from '../domain/issue-text.ts';
import type { ReminderMinutes } from '../domain/reminder-rule.ts';
import type { IncidentDirectory } from '../incident-directory.ts';
import { githubDelivery } from '../jobs/record-on-github.ts';
import { nextReminder } from '../jobs/remind-commander.ts';
import { announceChange, type AnnounceDeps } from './announce-change.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export type PostUpdateDeps = TransitionDeps &
  AnnounceDeps & {
    directory: Pick<IncidentDirectory, 'view' | 'personName'>;
    reminderMinutes: ReminderMinutes;
  };

export interface StatusUpdate {
  status: IncidentStatus;
  /** Plain text, as the person meant it. */
  message: string;
  by: IncidentActor;
}

/** A status update: on the timeline, in the channel and announcements, on the GitHub issue; the reminder starts over. */
export async function postUpdate(deps: PostUpdateDeps, incidentId: string, update: StatusUpdate, key: string): Promise<TransitionOutcome> {
  return applyTransition(deps, {
    incidentId,
    key,
    actor: update.by,
    permission: 'update',
    action: 'incident.updated',
    make: (incident, now) => lifecycle.postUpdate(incident, { status: update.status, message: update.message, by: update.by.slackId }, now),
    effects: (after, now, entries) => [
      ...entries.map((entry) =>
        githubDelivery(`incident-github:${after.id}:comment:${now.getTime()}:${after.updateSeq}:${entry.kind}`, { incidentId: after.id, action: 'comment', body: updateComment(entry, deps.directory) }, now),
      ),
      nextReminder(after, deps.reminderMinutes, 0),
      ...announceChange(deps, after, entries, key, true, now),
    ],
  });
}
