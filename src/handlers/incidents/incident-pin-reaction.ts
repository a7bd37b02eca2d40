import type { App } from '@slack/bolt';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import type { IncidentService } from '../../incidents/incident-service.ts';

interface SlackMessageLike {
  ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
}

/** The message a reaction points at: a channel message, or else a thread reply. */
async function fetchMessage(deps: OnCallDeps, channel: string, ts: string): Promise<SlackMessageLike | undefined> {
  const history = await deps.slack.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const top = (history.messages as SlackMessageLike[] | undefined)?.find((m) => m.ts === ts);
  if (top) return top;
  const replies = await deps.slack.conversations.replies({ channel, ts });
  return (replies.messages as SlackMessageLike[] | undefined)?.find((m) => m.ts === ts);
}

/** A message given the :pushpin: reaction in an incident channel joins the incident's timeline. */
export function registerIncidentPinReaction(app: App, deps: OnCallDeps, service: IncidentService): void {
  app.event('reaction_added', async ({ event }) => {
    if (event.reaction !== 'pushpin' || event.item.type !== 'message') return;
    const { channel, ts } = event.item;
    const incident = await service.repo.byChannel(channel);
    if (!incident || incident.status === 'resolved') return;
    try {
      const message = await fetchMessage(deps, channel, ts);
      if (!message?.text) return;
      await service.pinMessage(incident.id, { channel, ts, author: message.user ?? message.bot_id ?? 'unknown', text: message.text }, event.user);
    } catch (err) {
      deps.log.warn({ err, incident: incident.id }, 'could not add a pinned message to the timeline');
    }
  });
}
