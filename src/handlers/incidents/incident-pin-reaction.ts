import type { App } from '@slack/bolt';
import { pinMessage, type PinMessageDeps } from '../../incidents/use-cases/pin-message.ts';

/** A message given the :pushpin: reaction in an incident channel joins the incident's timeline. */
export function registerIncidentPinReaction(app: App, deps: PinMessageDeps): void {
  app.event('reaction_added', async ({ event }) => {
    if (event.reaction !== 'pushpin' || event.item.type !== 'message') return;
    await pinMessage(deps, { channel: event.item.channel, ts: event.item.ts, by: event.user });
  });
}
