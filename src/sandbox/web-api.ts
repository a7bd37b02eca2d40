import { DateTime } from 'luxon';
import { checkBlocks, checkView, LIMITS } from './block-kit-limits.ts';
import { carryOverState, initialState } from './view-state.ts';
import { WEB_API_METHODS } from './web-api-required-params.ts';
import {
  isObject, withBlockIds,
  type Block, type Json, type SlackChannel, type SlackMessage, type SlackUser, type SlackView, type SlackWorkspace,
} from './slack-workspace.ts';

/** The Web API methods of the emulator, as pure-ish functions over the in-memory workspace. */

export type Args = Record<string, unknown>;

export interface ApiResponse {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export interface WebApiContext {
  ws: SlackWorkspace;
  botToken: string;
  rateLimit: boolean;
  /** Last successful chat.postMessage per channel, for the 1-per-second limit. */
  lastPostAt: Map<string, number>;
}

/** Arguments Slack requires that the 2019 OpenAPI spec leaves unmarked (Slack's method pages mark them). */
export const EXTRA_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'chat.delete': ['channel', 'ts'],
  'views.update': ['view'],
  'conversations.create': ['name'],
  'conversations.invite': ['channel', 'users'],
  'conversations.join': ['channel'],
  'conversations.info': ['channel'],
  'conversations.history': ['channel'],
  'conversations.replies': ['channel', 'ts'],
  'users.info': ['user'],
};

/** The error Slack gives when a required argument is missing, where it is not `invalid_arguments`. */
const MISSING_ARGUMENT_ERRORS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'chat.postMessage': { channel: 'channel_not_found' },
  'chat.postEphemeral': { channel: 'channel_not_found', user: 'user_not_found' },
  'chat.update': { channel: 'channel_not_found', ts: 'message_not_found' },
  'chat.delete': { channel: 'channel_not_found', ts: 'message_not_found' },
  'chat.getPermalink': { channel: 'channel_not_found', message_ts: 'message_not_found' },
  'conversations.create': { name: 'invalid_name_required' },
  'conversations.invite': { channel: 'channel_not_found', users: 'no_user' },
  'conversations.join': { channel: 'channel_not_found' },
  'conversations.info': { channel: 'channel_not_found' },
  'conversations.history': { channel: 'channel_not_found' },
  'conversations.replies': { channel: 'channel_not_found', ts: 'thread_not_found' },
  'pins.add': { channel: 'channel_not_found', timestamp: 'no_item_specified' },
  'reactions.add': { channel: 'no_item_specified', timestamp: 'no_item_specified', name: 'invalid_name' },
  'users.info': { user: 'user_not_found' },
  'users.lookupByEmail': { email: 'users_not_found' },
  'usergroups.users.update': { usergroup: 'no_such_subteam', users: 'no_users_provided' },
};

const TRIGGER_TTL_MS = 3000;
const MAX_MODAL_STACK = 3;

class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Json = {},
  ) {
    super(code);
  }
}

const invalidArguments = (messages: string[]) => new ApiError('invalid_arguments', { response_metadata: { messages } });

function str(args: Args, key: string): string | undefined {
  const v = args[key];
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function bool(args: Args, key: string): boolean {
  const v = args[key];
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** Form posts carry objects as JSON strings (that is what @slack/web-api sends); JSON posts carry them as is. */
function jsonArg(args: Args, key: string, badFormat: ApiError): unknown {
  const v = args[key];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw badFormat;
  }
}

function listArg(args: Args, key: string): string[] {
  const v = args[key];
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  if (typeof v !== 'string') return [];
  const trimmed = v.trim();
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
  }
  return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}

function paged<T>(items: T[], args: Args, defaultLimit: number): { page: T[]; next: string } {
  const limit = Math.min(Math.max(Number(str(args, 'limit') ?? defaultLimit) || defaultLimit, 1), 1000);
  const cursor = str(args, 'cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString().replace(/^offset:/, '')) || 0 : 0;
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(`offset:${start + limit}`).toString('base64url') : '';
  return { page, next };
}

export function messageOut(m: SlackMessage, teamId: string): Json {
  const { channel: _c, ephemeral_for: _e, ...rest } = m;
  return { ...structuredClone(rest), team: teamId };
}

export function channelOut(ws: SlackWorkspace, c: SlackChannel): Json {
  if (c.is_im) {
    return { id: c.id, created: c.created, is_im: true, is_org_shared: false, user: c.user, is_user_deleted: false, priority: 0 };
  }
  return {
    id: c.id, name: c.name, name_normalized: c.name, is_channel: c.is_channel, is_group: false, is_im: false,
    is_mpim: c.is_mpim, is_private: c.is_private, is_archived: false, is_general: false, is_shared: false,
    is_org_shared: false, is_ext_shared: false, created: c.created, creator: c.creator,
    is_member: c.members.includes(ws.identity.botUserId), num_members: c.members.length,
    topic: { value: c.topic, creator: '', last_set: 0 }, purpose: { value: '', creator: '', last_set: 0 },
  };
}

export function userOut(ws: SlackWorkspace, u: SlackUser): Json {
  const local = DateTime.fromMillis(ws.nowMs(), { zone: u.tz });
  return {
    id: u.id, team_id: ws.identity.teamId, name: u.name, deleted: false, real_name: u.real_name,
    tz: u.tz, tz_label: local.offsetNameLong ?? u.tz, tz_offset: local.offset * 60,
    is_admin: u.is_admin, is_owner: false, is_bot: u.is_bot, is_app_user: false,
    updated: Math.floor(ws.nowMs() / 1000),
    profile: {
      real_name: u.real_name, display_name: u.name, team: ws.identity.teamId,
      ...(u.email ? { email: u.email } : {}),
      ...(u.is_bot ? { bot_id: ws.identity.botId } : {}),
    },
  };
}

export function viewOut(view: SlackView): Json {
  return structuredClone(view) as unknown as Json;
}

function visibleChannel(ctx: WebApiContext, idOrName: string | undefined, byName = false): SlackChannel {
  const ws = ctx.ws;
  const c = idOrName === undefined ? undefined : byName ? ws.channel(idOrName) : ws.channels.get(idOrName);
  if (!c || !ws.botCanSee(c)) throw new ApiError('channel_not_found');
  return c;
}

function messageBlocks(args: Args): Block[] | undefined {
  if (args.blocks === undefined || args.blocks === '') return undefined;
  const blocks = jsonArg(args, 'blocks', new ApiError('invalid_blocks_format'));
  const problems = checkBlocks(blocks, 'message');
  if (problems.length) throw new ApiError('invalid_blocks', { response_metadata: { messages: problems } });
  return blocks as Block[];
}

/** Text, blocks and thread of a message a bot posts, checked the way chat.postMessage checks them. */
function messageContent(ctx: WebApiContext, channel: SlackChannel, args: Args): Pick<SlackMessage, 'text' | 'blocks' | 'thread_ts'> {
  const blocks = messageBlocks(args);
  const text = str(args, 'text') ?? '';
  if (!text && !blocks && args.attachments === undefined) throw new ApiError('no_text');
  if (text.length > LIMITS.messageText) throw new ApiError('msg_too_long');
  const content: Pick<SlackMessage, 'text' | 'blocks' | 'thread_ts'> = { text, ...(blocks ? { blocks } : {}) };
  const threadTs = str(args, 'thread_ts');
  if (threadTs) {
    const parent = ctx.ws.findMessage(channel.id, threadTs, { ephemeral: false });
    if (!parent) throw new ApiError('thread_not_found');
    content.thread_ts = parent.thread_ts ?? parent.ts;
  }
  return content;
}

function botMessageFields(ctx: WebApiContext): Pick<SlackMessage, 'user' | 'bot_id' | 'app_id'> {
  const id = ctx.ws.identity;
  return { user: id.botUserId, bot_id: id.botId, app_id: id.appId };
}

/** Posts a bot message; used by chat.postMessage and by the driver for in_channel responses. */
export function postBotMessage(ctx: WebApiContext, channel: SlackChannel, args: Args): SlackMessage {
  const content = messageContent(ctx, channel, args);
  return ctx.ws.addMessage({
    channel: channel.id, ...botMessageFields(ctx), ...content,
    ...(content.thread_ts && bool(args, 'reply_broadcast') ? { subtype: 'thread_broadcast' } : {}),
  });
}

export function postBotEphemeral(ctx: WebApiContext, channel: SlackChannel, userId: string, args: Args): SlackMessage {
  return ctx.ws.addMessage({ channel: channel.id, ...botMessageFields(ctx), ...messageContent(ctx, channel, args), ephemeral_for: userId });
}

/** chat.update keeps what it is not given; a response_url `replace_original` replaces the whole message. */
export function replaceMessageContent(message: SlackMessage, args: Args, whole = false): void {
  const blocks = messageBlocks(args);
  const text = str(args, 'text');
  if (whole && text === undefined && !blocks) throw new ApiError('no_text');
  if (text !== undefined && text.length > LIMITS.messageText) throw new ApiError('msg_too_long');
  if (text !== undefined || whole) message.text = text ?? '';
  if (blocks) message.blocks = withBlockIds(blocks);
  else if (whole) delete message.blocks;
}

function rateLimited(ctx: WebApiContext, channelId: string): ApiResponse | undefined {
  if (!ctx.rateLimit) return undefined;
  const last = ctx.lastPostAt.get(channelId);
  const now = ctx.ws.nowMs();
  if (last === undefined || now - last >= 1000) return undefined;
  const retryAfter = Math.max(1, Math.ceil((last + 1000 - now) / 1000));
  return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
}

function consumeTrigger(ctx: WebApiContext, triggerId: string): string {
  const trigger = ctx.ws.triggers.get(triggerId);
  if (!trigger) throw new ApiError('invalid_trigger_id');
  if (trigger.used) throw new ApiError('exchanged_trigger_id');
  if (ctx.ws.nowMs() - trigger.issuedAt > TRIGGER_TTL_MS) throw new ApiError('expired_trigger_id');
  trigger.used = true;
  return trigger.userId;
}

function parseView(args: Args, type?: 'modal' | 'home'): Json {
  const view = jsonArg(args, 'view', invalidArguments(['[ERROR] invalid json [json-pointer:/view]']));
  const problems = checkView(view, type);
  if (problems.length) throw invalidArguments(problems);
  return view as Json;
}

/** Builds a stored view from what the app sent, keeping id/state when it replaces an existing one. */
export function buildView(ctx: WebApiContext, input: Json, previous?: SlackView, stack?: { root: string | null; previous: string | null }): SlackView {
  const ws = ctx.ws;
  const blocks = withBlockIds((input.blocks as Block[] | undefined) ?? []);
  const id = previous?.id ?? ws.nextId('V');
  const externalId = typeof input.external_id === 'string' ? input.external_id : '';
  if (externalId) {
    const other = ws.viewByExternalId(externalId);
    if (other && other.view.id !== id) throw new ApiError('duplicate_external_id');
  }
  const view: SlackView = {
    id, team_id: ws.identity.teamId, type: input.type === 'home' ? 'home' : 'modal',
    callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
    private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
    external_id: externalId,
    ...(isObject(input.title) ? { title: { emoji: true, ...input.title } } : {}),
    ...(isObject(input.submit) ? { submit: { emoji: true, ...input.submit } } : {}),
    ...(isObject(input.close) ? { close: { emoji: true, ...input.close } } : {}),
    blocks,
    state: { values: previous ? carryOverState(previous.state.values, blocks) : initialState(blocks) },
    hash: ws.newHash(),
    root_view_id: stack?.root ?? previous?.root_view_id ?? (input.type === 'home' ? null : id),
    previous_view_id: stack?.previous ?? previous?.previous_view_id ?? null,
    app_id: ws.identity.appId, app_installed_team_id: ws.identity.teamId, bot_id: ws.identity.botId,
    clear_on_close: bool(input, 'clear_on_close'), notify_on_close: bool(input, 'notify_on_close'),
  };
  return view;
}

export function openModal(ctx: WebApiContext, userId: string, input: Json, replaceStack: boolean): SlackView {
  const stack = ctx.ws.modalStack(userId);
  if (replaceStack) stack.length = 0;
  if (stack.length >= MAX_MODAL_STACK) throw new ApiError('push_limit_reached');
  const view = buildView(ctx, input, undefined, { root: stack[0] ?? null, previous: stack.at(-1) ?? null });
  if (stack.length === 0) view.root_view_id = view.id;
  ctx.ws.views.set(view.id, { view, userId });
  stack.push(view.id);
  return view;
}

export function replaceView(ctx: WebApiContext, existing: SlackView, input: Json): SlackView {
  const record = ctx.ws.views.get(existing.id);
  if (!record) throw new ApiError('not_found');
  const view = buildView(ctx, input, existing);
  record.view = view;
  return view;
}

type Handler = (ctx: WebApiContext, args: Args) => ApiResponse | Json;

const handlers: Record<string, Handler> = {
  'auth.test': (ctx) => {
    const id = ctx.ws.identity;
    return {
      url: `https://${id.teamDomain}.slack.com/`, team: id.teamDomain, user: id.botName, team_id: id.teamId,
      user_id: id.botUserId, bot_id: id.botId, is_enterprise_install: false,
    };
  },

  'chat.postMessage': (ctx, args) => {
    let channel: SlackChannel;
    const target = str(args, 'channel') ?? '';
    if (/^[UW][A-Z0-9]+$/.test(target)) {
      // Posting to a user id lands in the bot's DM with that person.
      if (!ctx.ws.users.has(target)) throw new ApiError('channel_not_found');
      channel = ctx.ws.dmWith(target);
    } else channel = visibleChannel(ctx, target, true);
    const limited = rateLimited(ctx, channel.id);
    if (limited) return limited;
    const message = postBotMessage(ctx, channel, args);
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
    replaceMessageContent(message, args);
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

  'views.open': (ctx, args) => {
    const input = parseView(args, 'modal');
    const userId = consumeTrigger(ctx, str(args, 'trigger_id') ?? '');
    return { view: viewOut(openModal(ctx, userId, input, true)) };
  },

  'views.push': (ctx, args) => {
    const input = parseView(args, 'modal');
    const userId = consumeTrigger(ctx, str(args, 'trigger_id') ?? '');
    // Slack pushes onto the modal the interaction came from; with none open there is nothing to push onto.
    if (ctx.ws.modalStack(userId).length === 0) throw new ApiError('not_found');
    return { view: viewOut(openModal(ctx, userId, input, false)) };
  },

  'views.update': (ctx, args) => {
    const viewId = str(args, 'view_id');
    const externalId = str(args, 'external_id');
    if (viewId && externalId) throw invalidArguments(['[ERROR] Cannot provide both `view_id` and `external_id`']);
    if (!viewId && !externalId) throw invalidArguments(['[ERROR] Must provide either `view_id` or `external_id`']);
    const record = viewId ? ctx.ws.views.get(viewId) : ctx.ws.viewByExternalId(externalId ?? '');
    if (!record) throw new ApiError('not_found');
    const hash = str(args, 'hash');
    if (hash && hash !== record.view.hash) throw new ApiError('hash_conflict');
    const input = parseView(args, record.view.type);
    return { view: viewOut(replaceView(ctx, record.view, input)) };
  },

  'views.publish': (ctx, args) => {
    const userId = str(args, 'user_id') ?? '';
    if (!ctx.ws.users.has(userId)) throw new ApiError('user_not_found');
    const existingId = ctx.ws.homeViews.get(userId);
    const existing = existingId ? ctx.ws.views.get(existingId)?.view : undefined;
    const hash = str(args, 'hash');
    if (hash && existing && hash !== existing.hash) throw new ApiError('hash_conflict');
    const input = parseView(args, 'home');
    const view = buildView(ctx, input, existing);
    ctx.ws.views.set(view.id, { view, userId });
    ctx.ws.homeViews.set(userId, view.id);
    return { view: viewOut(view) };
  },

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

  'conversations.history': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    if (!channel.members.includes(ctx.ws.identity.botUserId)) throw new ApiError('not_in_channel');
    const latest = str(args, 'latest');
    const oldest = str(args, 'oldest') ?? '0';
    const inclusive = bool(args, 'inclusive');
    const inRange = (ts: string) => {
      const t = Number(ts);
      const lo = Number(oldest);
      const hi = latest === undefined ? Infinity : Number(latest);
      return (inclusive ? t >= lo : t > lo) && (inclusive ? t <= hi : t < hi);
    };
    const top = ctx.ws.channelMessages(channel.id)
      .filter((m) => !m.ephemeral_for && (!m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast') && inRange(m.ts))
      .reverse();
    const { page, next } = paged(top, args, 100);
    return {
      messages: page.map((m) => messageOut(m, ctx.ws.identity.teamId)), has_more: next !== '',
      pin_count: 0, response_metadata: { next_cursor: next },
    };
  },

  'conversations.replies': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'ts') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('thread_not_found');
    const root = message.thread_ts ?? message.ts;
    const thread = ctx.ws.channelMessages(channel.id).filter((m) => !m.ephemeral_for && (m.ts === root || m.thread_ts === root));
    const { page, next } = paged(thread, args, 1000);
    return { messages: page.map((m) => messageOut(m, ctx.ws.identity.teamId)), has_more: next !== '', response_metadata: { next_cursor: next } };
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

  'pins.add': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'timestamp') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    if (message.pinned_to?.includes(channel.id)) throw new ApiError('already_pinned');
    message.pinned_to = [...(message.pinned_to ?? []), channel.id];
    return {};
  },

  'users.info': (ctx, args) => {
    const user = ctx.ws.users.get(str(args, 'user') ?? '');
    if (!user) throw new ApiError('user_not_found');
    return { user: userOut(ctx.ws, user) };
  },

  'users.lookupByEmail': (ctx, args) => {
    const email = (str(args, 'email') ?? '').toLowerCase();
    const user = [...ctx.ws.users.values()].find((u) => u.email?.toLowerCase() === email);
    if (!user) throw new ApiError('users_not_found');
    return { user: userOut(ctx.ws, user) };
  },

  'usergroups.create': (ctx, args) => {
    const name = str(args, 'name') ?? '';
    const handle = str(args, 'handle') ?? '';
    const groups = [...ctx.ws.usergroups.values()];
    if (groups.some((g) => g.name === name)) throw new ApiError('name_already_exists');
    if (handle && groups.some((g) => g.handle === handle)) throw new ApiError('handle_already_exists');
    const group = {
      id: ctx.ws.nextId('S'), team_id: ctx.ws.identity.teamId, name, handle, description: str(args, 'description') ?? '',
      users: [], user_count: 0, date_create: Math.floor(ctx.ws.nowMs() / 1000), is_usergroup: true as const,
    };
    ctx.ws.usergroups.set(group.id, group);
    return { usergroup: structuredClone(group) };
  },

  'usergroups.list': (ctx, args) => {
    const withUsers = bool(args, 'include_users');
    return {
      usergroups: [...ctx.ws.usergroups.values()].map(({ users, ...g }) => ({ ...structuredClone(g), ...(withUsers ? { users: [...users] } : {}) })),
    };
  },

  'usergroups.users.update': (ctx, args) => {
    const group = ctx.ws.usergroups.get(str(args, 'usergroup') ?? '');
    if (!group) throw new ApiError('no_such_subteam');
    const users = listArg(args, 'users');
    if (users.length === 0) throw new ApiError('no_users_provided');
    if (users.some((u) => !ctx.ws.users.has(u))) throw new ApiError('invalid_users');
    group.users = [...new Set(users)];
    group.user_count = group.users.length;
    return { usergroup: structuredClone(group) };
  },

  'reactions.add': (ctx, args) => {
    const channel = visibleChannel(ctx, str(args, 'channel'));
    const message = ctx.ws.findMessage(channel.id, str(args, 'timestamp') ?? '', { ephemeral: false });
    if (!message) throw new ApiError('message_not_found');
    const name = (str(args, 'name') ?? '').replace(/^:|:$/g, '');
    if (!/^[a-z0-9_+'-]+$/.test(name)) throw new ApiError('invalid_name');
    const reactions = (message.reactions ??= []);
    const bot = ctx.ws.identity.botUserId;
    let reaction = reactions.find((r) => r.name === name);
    if (reaction?.users.includes(bot)) throw new ApiError('already_reacted');
    if (!reaction) {
      reaction = { name, users: [], count: 0 };
      reactions.push(reaction);
    }
    reaction.users.push(bot);
    reaction.count += 1;
    return {};
  },
};

/** Missing required arguments: the spec's, plus the ones Slack enforces that the spec does not mark. */
function missingArgument(method: string, args: Args): ApiError | undefined {
  const required = [...(WEB_API_METHODS[method]?.required ?? []), ...(EXTRA_REQUIRED[method] ?? [])];
  for (const name of required) {
    const v = args[name];
    if (v === undefined || v === null || v === '') {
      const code = MISSING_ARGUMENT_ERRORS[method]?.[name];
      return code ? new ApiError(code) : invalidArguments([`[ERROR] missing required field: ${name}`]);
    }
  }
  return undefined;
}

export function callWebApi(ctx: WebApiContext, method: string, args: Args, token: string | undefined): ApiResponse {
  const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
  if (!handler || !WEB_API_METHODS[method]) return { status: 200, body: { ok: false, error: 'unknown_method', req_method: method } };
  if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
  if (token !== ctx.botToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
  try {
    const missing = missingArgument(method, args);
    if (missing) throw missing;
    const result = handler(ctx, args);
    if ('status' in result && typeof result.status === 'number' && isObject(result.body)) return result as ApiResponse;
    return { status: 200, body: { ok: true, ...(result as Json) } };
  } catch (e) {
    if (e instanceof ApiError) return { status: 200, body: { ok: false, error: e.code, ...e.extra } };
    if (e instanceof SyntaxError) return { status: 200, body: { ok: false, error: 'invalid_arguments' } };
    throw e;
  }
}

export { ApiError };
