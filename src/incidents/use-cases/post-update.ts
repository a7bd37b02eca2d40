import type { IncidentStatus, TimelineEntry } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
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
  message: string;
  by: string;
}

/** A status update: on the timeline, in the channel and announcements, on the GitHub issue; the reminder starts over. */
export async function postUpdate(deps: PostUpdateDeps, incidentId: string, update: StatusUpdate, key: string): Promise<TransitionOutcome> {
  const r = await applyTransition(deps, {
    incidentId,
    key,
    actor: update.by,
    action: 'incident.updated',
    make: (incident, now) => lifecycle.postUpdate(incident, update, now),
    effects: (after, now) => {
      const entry: TimelineEntry = { at: now, kind: 'update', actor: update.by, text: `*${update.status}*: ${update.message.trim()}` };
      return [
        githubDelivery(`incident-github:${after.id}:comment:${now.getTime()}:${after.updateSeq}:${entry.kind}`, { incidentId: after.id, action: 'comment', body: updateComment(entry, deps.directory) }, now),
        nextReminder(after, deps.reminderMinutes, 0),
      ];
    },
  });
  if (r.ok) await announceChange(deps, r.after, r.entries, true);
  return r;
}
