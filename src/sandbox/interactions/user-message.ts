import type { EventResult, UserMessageArgs } from '../emulator-interface.ts';
import type { Json, SlackMessage } from '../slack-workspace.ts';
import { actorOf, channelOf, userOf, type InteractionContext } from './context.ts';
import { sendEvent } from './events.ts';

/**
 * A person writes in a conversation. The bot hears it only if it is there and subscribes to the
 * message event of that kind of conversation, plus app_mention when it is @-mentioned.
 */
export async function postUserMessage(ix: InteractionContext, args: UserMessageArgs): Promise<{ message: SlackMessage; deliveries: EventResult[] }> {
  const { ws, identity, subscribed } = ix;
  const u = userOf(ix, args.userId);
  const ch = channelOf(ix, args.channelId);
  ws.ensureMember(ch, u.id);
  const parent = args.threadTs ? ws.findMessage(ch.id, args.threadTs, { ephemeral: false }) : undefined;
  if (args.threadTs && !parent) throw new Error(`no thread ${args.threadTs} in ${ch.id}`);
  const actor = actorOf(ix, u.id, args.fromTeam);
  const message = ws.addMessage({
    channel: ch.id, user: u.id, text: args.text, ...(parent ? { thread_ts: parent.thread_ts ?? parent.ts } : {}),
    ...(actor.teamId !== identity.teamId ? { team: actor.teamId } : {}),
  });
  const deliveries: EventResult[] = [];
  const botHere = ch.members.includes(identity.botUserId);
  const channelType = ch.is_im ? 'im' : ch.is_mpim ? 'mpim' : ch.is_private ? 'group' : 'channel';
  // A message from another workspace names it in `team`, `user_team` and `source_team`, as Slack does in shared channels.
  const base: Json = {
    user: u.id, text: message.text, ts: message.ts, channel: ch.id, event_ts: message.ts, team: actor.teamId,
    ...(actor.teamId !== identity.teamId ? { user_team: actor.teamId, source_team: actor.teamId } : {}),
    ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
  };
  const opts = { extShared: actor.external };
  const eventName = { im: 'message.im', mpim: 'message.mpim', group: 'message.groups', channel: 'message.channels' }[channelType];
  if (botHere && subscribed.has(eventName)) deliveries.push(await sendEvent(ix, { type: 'message', ...base, channel_type: channelType }, opts));
  if (botHere && !ch.is_im && subscribed.has('app_mention') && message.text.includes(`<@${identity.botUserId}>`)) {
    deliveries.push(await sendEvent(ix, { type: 'app_mention', ...base }, opts));
  }
  return { message, deliveries };
}
