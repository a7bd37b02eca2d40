import type { SlackListeners } from '../../platform/slack/listener-table.ts';
import type { Logger } from 'pino';
import type { IncidentDirectory } from '../../incidents/incident-directory.ts';
import { authoriseIncidentAction, recordRefusal, type AuthoriseDeps } from '../../incidents/use-cases/authorise-incident-action.ts';
import { openIncidentOfChannel, pinMessage, type PinMessageDeps } from '../../incidents/use-cases/pin-message.ts';
import { tellEphemeral } from '../../platform/slack/ephemeral.ts';

export type PinReactionDeps = PinMessageDeps &
  AuthoriseDeps & {
    directory: Pick<IncidentDirectory, 'actor'>;
    log: Pick<Logger, 'warn'>;
  };

/**
 * A message given the :pushpin: reaction in an incident channel joins the incident's timeline,
 * when the policy lets the person add to it. A reaction has no response_url: a refusal, or a
 * pin that could not be recorded, is told to the person with chat.postEphemeral.
 */
export function registerIncidentPinReaction(app: SlackListeners, deps: PinReactionDeps): void {
  app.event('reaction_added', async ({ event, client }) => {
    if (event.reaction !== 'pushpin' || event.item.type !== 'message') return;
    const channel = event.item.channel;
    const tell = (text: string) => tellEphemeral({ client, channel, user: event.user }, text).catch((err: unknown) => deps.log.warn({ err }, 'could not answer a :pushpin: reaction'));
    try {
      const incident = await openIncidentOfChannel(deps, channel);
      if (!incident) return;
      const actor = deps.directory.actor(event.user, incident);
      const allowed = await authoriseIncidentAction(deps, incident, actor, 'pin');
      if (!allowed.allowed) return void (await tell(`:no_entry: ${allowed.reason}`));
      const r = await pinMessage(deps, incident, { channel, ts: event.item.ts, by: actor });
      if (r && !r.ok && r.refused) {
        await recordRefusal(deps, incident.id, actor, r.refused, r.reason);
        await tell(`:no_entry: ${r.reason}`);
      }
    } catch (err) {
      deps.log.warn({ err, channel }, 'could not add a pinned message to the timeline');
      await tell(':warning: I could not add that message to the incident timeline just now. Remove your :pushpin: and add it again in a minute.');
    }
  });
}
