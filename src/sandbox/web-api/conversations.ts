import type { SlackChannel } from '../slack-workspace.ts';
import { bool, listArg, paged, str } from './args.ts';
import { ApiError, invalidArguments, type MethodTable } from './context.ts';
import { visibleChannel } from './lookup.ts';
import { inRange, pageOfMessages } from './message-pages.ts';
import { channelOut, messageOut } from './serialize.ts';

/** conversations.*: channels, DMs and group DMs, their members, history and threads. */
export const conversationsMethods: MethodTable = {
  'conversations.create': (ctx, args) => {
    const name = str(args, 'name') ?? '';
    if (name.length > 80) throw new ApiError('invalid_name_maxlength');
    if (!/^[a-z0-9_-]+$/.test(name)) throw new ApiError('invalid_name_specials');
    if (ctx.ws.channelByName(name)) throw new ApiError('name_taken');
    const channel = ctx.ws.addChannel({ name, is_private: bool(args, 'is_private') });
    return { channel: channelOut(ctx.ws, channel) };
  },

  'conversations.invite': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    if (!channel.members.includes(ctx.ws.identity.botUserId)) throw new ApiError('not_in_channel');
    if (channel.is_im) throw new ApiError('method_not_supported_for_channel_type');
    const users = listArg(args, 'users');
    if (users.length === 0) throw new ApiError('no_user');
    for (const u of users) {
      if (u === ctx.ws.identity.botUserId) throw new ApiError('cant_invite_self');
      if (!ctx.ws.users.has(u)) throw new ApiError('user_not_found');
    }
    const fresh = users.filter((u) => !channel.members.includes(u));
    if (fresh.length === 0) throw new ApiError('already_in_channel');
    channel.members.push(...fresh);
    return { channel: channelOut(ctx.ws, channel) };
  },

  'conversations.join': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    if (channel.is_private) throw new ApiError('method_not_supported_for_channel_type');
    const already = channel.members.includes(ctx.ws.identity.botUserId);
    if (!already) channel.members.push(ctx.ws.identity.botUserId);
    return { channel: channelOut(ctx.ws, channel), ...(already ? { warning: 'already_in_channel' } : {}) };
  },

  'conversations.info': (ctx, args) => ({ channel: channelOut(ctx.ws, visibleChannel(ctx, str(args, 'channel'))) }),

  'conversations.list': (ctx, args) => {
    const types = new Set((str(args, 'types') ?? 'public_channel').split(',').map((t) => t.trim()));
    const all = [...ctx.ws.channels.values()].filter((c) => {
      if (!ctx.ws.botCanSee(c)) return false;
      if (c.is_im) return types.has('im');
      if (c.is_mpim) return types.has('mpim');
      return types.has(c.is_private ? 'private_channel' : 'public_channel');
    });
    const { page, next } = paged(all, args, 100);
    return { channels: page.map((c) => channelOut(ctx.ws, c)), response_metadata: { next_cursor: next } };
  },

  /** Top-level messages (and replies broadcast to the channel), newest first. */
  'conversations.history': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    if (!channel.members.includes(ctx.ws.identity.botUserId)) throw new ApiError('not_in_channel');
    const wanted = inRange(args);
    const top = ctx.ws.channelMessages(channel.id)
      .filter((m) => !m.ephemeral_for && (!m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast') && wanted(m))
      .reverse();
    const { page, next } = pageOfMessages(top, args, 'newest_first', { default: 100, max: 999 });
    const metadata = bool(args, 'include_all_metadata');
    return {
      messages: page.map((m) => messageOut(m, ctx.ws.identity.teamId, { metadata })), has_more: next !== '',
      pin_count: 0, response_metadata: { next_cursor: next },
    };
  },

  /** A thread oldest first: the parent first (on the first page, whatever the range), then its replies. */
  'conversations.replies': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'ts') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('thread_not_found');
    const root = message.thread_ts ?? message.ts;
    const wanted = inRange(args);
    const thread = ctx.ws.channelMessages(channel.id)
      .filter((m) => !m.ephemeral_for && (m.ts === root || (m.thread_ts === root && wanted(m))));
    const { page, next } = pageOfMessages(thread, args, 'oldest_first', { default: 1000, max: 1000 });
    const metadata = bool(args, 'include_all_metadata');
    return { messages: page.map((m) => messageOut(m, ctx.ws.identity.teamId, { metadata })), has_more: next !== '', response_metadata: { next_cursor: next } };
  },

  'conversations.open': (ctx, args) => {
    const channelId = str(args, 'channel');
    if (channelId) return { channel: channelOut(ctx.ws, visibleChannel(ctx, channelId)), no_op: true, already_open: true };
    const users = listArg(args, 'users').filter((u) => u !== ctx.ws.identity.botUserId);
    if (users.length === 0) throw invalidArguments(['[ERROR] must provide either `channel` or `users`']);
    for (const u of users) if (!ctx.ws.users.has(u)) throw new ApiError('user_not_found');
    let channel: SlackChannel;
    if (users.length === 1) channel = ctx.ws.dmWith(users[0] ?? '');
    else {
      const members = [...users, ctx.ws.identity.botUserId].sort();
      channel = [...ctx.ws.channels.values()].find((c) => c.is_mpim && [...c.members].sort().join() === members.join())
        ?? Object.assign(ctx.ws.addChannel({ name: `mpdm-${users.join('--')}-1`, is_private: true, members }), { is_mpim: true, is_channel: false });
    }
    const out = bool(args, 'return_im') ? channelOut(ctx.ws, channel) : { id: channel.id };
    return { channel: out };
  },
};
