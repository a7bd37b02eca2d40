import type { SlackChannel } from '../slack-workspace.ts';
import { str } from './args.ts';
import { ApiError, type MethodTable } from './context.ts';
import { visibleChannel } from './lookup.ts';
import { metadataArg } from './metadata.ts';
import { postBotEphemeral, postBotMessage, replaceMessageContent } from './post-message.ts';
import { rateLimited } from './rate-limit.ts';
import { messageOut } from './serialize.ts';

/** chat.*: the bot's messages (it may change and delete only its own). */
export const chatMethods: MethodTable = {
  'chat.postMessage': (ctx, args) => {
    let channel: SlackChannel;
    const target = str(args, 'channel') ?? '';
    if (/^[UW][A-Z0-9]+$/.test(target)) {
      // Posting to a user id lands in the bot's DM with that person.
      if (!ctx.ws.users.has(target)) throw new ApiError('channel_not_found');
      channel = ctx.ws.dmWith(target);
    } else channel = visibleChannel(ctx, target, true);
    const metadata = metadataArg(args);
    const limited = rateLimited(ctx, channel.id);
    if (limited) return limited;
    const message = postBotMessage(ctx, channel, args);
    if (metadata) message.metadata = metadata;
    ctx.lastPostAt.set(channel.id, ctx.ws.nowMs());
    return { channel: channel.id, ts: message.ts, message: messageOut(message, ctx.ws.identity.teamId) };
  },

  'chat.postEphemeral': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'), true);
    const userId = str(args, 'user') ?? '';
    if (!ctx.ws.users.has(userId)) throw new ApiError('user_not_found');
    if (!channel.members.includes(userId)) throw new ApiError('user_not_in_channel');
    const message = postBotEphemeral(ctx, channel, userId, args);
    return { message_ts: message.ts };
  },

  'chat.update': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'ts') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    if (message.user !== ctx.ws.identity.botUserId) throw new ApiError('cant_update_message');
    if (str(args, 'text') === undefined && args.blocks === undefined) throw new ApiError('no_text');
    // Without a metadata argument Slack keeps the message's metadata.
    const metadata = metadataArg(args);
    replaceMessageContent(message, args);
    if (metadata) message.metadata = metadata;
    message.edited = { user: ctx.ws.identity.botUserId, ts: ctx.ws.nextTs() };
    return { channel: channel.id, ts: message.ts, text: message.text, message: messageOut(message, ctx.ws.identity.teamId) };
  },

  'chat.delete': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'ts') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    if (message.user !== ctx.ws.identity.botUserId) throw new ApiError('cant_delete_message');
    ctx.ws.removeMessage(message);
    return { channel: channel.id, ts: message.ts };
  },

  'chat.getPermalink': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'message_ts') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    const base = `https://${ctx.ws.identity.teamDomain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
    const reply = message.thread_ts && message.thread_ts !== message.ts;
    return { channel: channel.id, permalink: reply ? `${base}?thread_ts=${message.thread_ts}&cid=${channel.id}` : base };
  },
};
