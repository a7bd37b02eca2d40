import * as lifecycle from '../domain/incident-lifecycle.ts';
import type { IncidentChannels } from '../ports/incident-channels.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import { applyTransition, type TransitionDeps, type TransitionOutcome } from './apply-transition.ts';

export interface PinMessageDeps extends TransitionDeps {
  incidents: Pick<IncidentStore, 'get' | 'timeline' | 'saveTransition' | 'byChannel'>;
  channels: Pick<IncidentChannels, 'message'>;
}

/**
 * A message given the :pushpin: reaction in an open incident's channel joins its timeline, once
 * however often (and by whomever) it is pinned. Undefined when there is nothing to do.
 */
export async function pinMessage(deps: PinMessageDeps, pinned: { channel: string; ts: string; by: string }): Promise<TransitionOutcome | undefined> {
  const incident = await deps.incidents.byChannel(pinned.channel);
  if (!incident || incident.status === 'resolved') return undefined;
  try {
    const message = await deps.channels.message(pinned.channel, pinned.ts);
    if (!message) return undefined;
    return await applyTransition(deps, {
      incidentId: incident.id,
      key: `incident-pin:${pinned.channel}:${pinned.ts}:${pinned.by}`,
      actor: pinned.by,
      action: 'incident.message_pinned',
      make: (i, now) => lifecycle.addPinnedMessage(i, message, pinned.by, now),
      dedupKey: `pin:${pinned.ts}`,
    });
  } catch (err) {
    // A reaction has no one to answer: log it.
    deps.log.warn({ err, incident: incident.id }, 'could not add a pinned message to the timeline');
    return undefined;
  }
}
