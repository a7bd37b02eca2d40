import type { Effect } from '../../platform/outbox/effects.ts';
import { stableId } from '../../platform/slack/stable-id.ts';
import type { Incident, TimelineEntry } from '../domain/incident.ts';
import { postDelivery } from '../jobs/post-incident-message.ts';
import { updatePost } from '../views/incident-messages.ts';

export interface AnnounceDeps {
  /** The announcements channel's name. */
  announcements: string;
}

/**
 * The key of one post about one change: the incident, the change's own key (from the Slack
 * payload, the same on a retried delivery) and where it goes.
 */
export function postKey(incidentId: string, changeKey: string, where: string): string {
  return `incident-post:${incidentId}:${stableId('', changeKey, 16)}:${where}`;
}

/**
 * The posts a change asks for, as effects committed with it: in the incident channel and, when it
 * matters to everyone, in announcements. Posted right after the commit by a job, so the person's
 * answer never waits on Slack and a lost post is retried, never doubled.
 */
export function announceChange(deps: AnnounceDeps, incident: Incident, entries: readonly TimelineEntry[], changeKey: string, toAnnouncements: boolean, now: Date): Effect[] {
  const [entry] = entries;
  if (!entry) return [];
  return [
    ...(incident.channelId ? [postDelivery(postKey(incident.id, changeKey, 'channel'), incident.id, incident.channelId, updatePost(incident, entry, 'channel'), now)] : []),
    ...(toAnnouncements ? [postDelivery(postKey(incident.id, changeKey, 'announcements'), incident.id, deps.announcements, updatePost(incident, entry, 'announcements'), now)] : []),
  ];
}
