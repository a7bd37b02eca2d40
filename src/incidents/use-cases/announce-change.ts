import type { Logger } from 'pino';
import type { Notifier } from '../../core/notifier.ts';
import type { Incident, TimelineEntry } from '../domain/incident.ts';
import { updatePost } from '../views/incident-messages.ts';

export interface AnnounceDeps {
  notifier: Pick<Notifier, 'post'>;
  /** The announcements channel's name. */
  announcements: string;
  log: Pick<Logger, 'warn'>;
}

/** Posts a change in the incident channel and, when it matters to everyone, in announcements. */
export async function announceChange(deps: AnnounceDeps, incident: Incident, entries: readonly TimelineEntry[], toAnnouncements: boolean): Promise<void> {
  const [entry] = entries;
  if (!entry) return;
  try {
    if (incident.channelId) await deps.notifier.post(incident.channelId, updatePost(incident, entry, 'channel'));
    if (toAnnouncements) await deps.notifier.post(deps.announcements, updatePost(incident, entry, 'announcements'));
  } catch (err) {
    // The change is saved; a lost post is logged, not retried.
    deps.log.warn({ err, incident: incident.id }, 'could not post an incident update');
  }
}
