import type { Incident } from '../domain/incident.ts';
import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentActor } from '../domain/incident-policy.ts';
import { plainFromSlack } from '../domain/user-text.ts';
import type { IncidentChannels } from '../ports/incident-channels.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export interface PinMessageDeps extends TransitionDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'saveTransition' | 'byChannel'>;
  channels: Pick<IncidentChannels, 'message'>;
}

/** The open incident whose channel a reaction was added in, if any. */
export async function openIncidentOfChannel(deps: Pick<PinMessageDeps, 'incidents'>, channelId: string): Promise<Incident | undefined> {
  const incident = await deps.incidents.byChannel(channelId);
  return incident && incident.status !== 'resolved' ? incident : undefined;
}

/**
 * A message given the :pushpin: reaction in an open incident's channel joins its timeline, once
 * however often (and by whomever allowed) it is pinned. Undefined when the message is gone.
 * Throws when it could not be recorded: the listener tells the person.
 */
export async function pinMessage(deps: PinMessageDeps, incident: Incident, pinned: { channel: string; ts: string; by: IncidentActor }): Promise<TransitionOutcome | undefined> {
  const message = await deps.channels.message(pinned.channel, pinned.ts);
  if (!message) return undefined;
  return applyTransition(deps, {
    incidentId: incident.id,
    key: `incident-pin:${pinned.channel}:${pinned.ts}:${pinned.by.slackId}`,
    actor: pinned.by,
    permission: 'pin',
    action: 'incident.message_pinned',
    // The message as Slack formats it (mentions, links, entities), read as the plain text it shows.
    make: (i, now) => lifecycle.addPinnedMessage(i, { author: message.author, text: plainFromSlack(message.text) }, pinned.by.slackId, now),
    dedupKey: `pin:${pinned.ts}`,
  });
}
