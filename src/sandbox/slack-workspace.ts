import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.ts';

/** The in-memory Slack workspace behind the emulator: people, conversations, messages, views. */

export type Json = Record<string, unknown>;
export type Block = { type: string; block_id?: string } & Json;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface UserSeed {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  email?: string;
  is_admin?: boolean;
  /**
   * The person's own workspace when it is not the emulator's: a Slack Connect user from another
   * organisation, seen in a shared channel. Their payloads then carry this team (and enterprise).
   */
  team_id?: string;
  team_domain?: string;
  enterprise_id?: string;
  enterprise_name?: string;
}

export interface ChannelSeed {
  id?: string;
  name: string;
  is_private?: boolean;
  members?: string[];
  /** The bot is a member of seeded channels unless this is false. */
  botMember?: boolean;
  topic?: string;
}

export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  email?: string;
  is_bot: boolean;
  is_admin: boolean;
  /** The person's workspace: the emulator's own, or another one (Slack Connect). */
  team_id: string;
  team_domain?: string;
  enterprise_id?: string;
  enterprise_name?: string;
}

export interface SlackChannel {
  id: string;
  name: string;
  is_channel: boolean;
  is_private: boolean;
  is_im: boolean;
  is_mpim: boolean;
  /** For a DM: the person on the other side of the bot. */
  user?: string;
  members: string[];
  created: number;
  creator: string;
  topic: string;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

/** Message metadata an app attaches (chat.postMessage/chat.update `metadata`). */
export interface MessageMetadata {
  event_type: string;
  event_payload: Json;
}

export interface SlackMessage {
  type: 'message';
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks?: Block[];
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  app_id?: string;
  reply_count?: number;
  reply_users?: string[];
  latest_reply?: string;
  edited?: { user: string; ts: string };
  reactions?: Reaction[];
  pinned_to?: string[];
  /** Shown by conversations.history/replies only with include_all_metadata=true. */
  metadata?: MessageMetadata;
  /** The author's workspace, set only when it is not the emulator's (a Slack Connect user). */
  team?: string;
  /** Set on ephemeral messages: the only person who sees it. */
  ephemeral_for?: string;
}

export interface SlackView {
  id: string;
  team_id: string;
  type: 'modal' | 'home';
  callback_id: string;
  private_metadata: string;
  external_id: string;
  title?: Json;
  submit?: Json;
  close?: Json;
  blocks: Block[];
  state: { values: Record<string, Record<string, Json>> };
  hash: string;
  root_view_id: string | null;
  previous_view_id: string | null;
  app_id: string;
  app_installed_team_id: string;
  bot_id: string;
  clear_on_close: boolean;
  notify_on_close: boolean;
}

export interface Usergroup {
  id: string;
  team_id: string;
  name: string;
  handle: string;
  description: string;
  users: string[];
  user_count: number;
  date_create: number;
  is_usergroup: true;
}

export interface Trigger {
  id: string;
  userId: string;
  issuedAt: number;
  used: boolean;
}

export interface ResponseUrl {
  id: string;
  userId: string;
  channelId: string;
  /** The message the interaction came from (block_actions), if any. */
  originalTs?: string;
  uses: number;
  createdAt: number;
}

export interface Identity {
  teamId: string;
  teamDomain: string;
  /** The Enterprise Grid organisation the workspace belongs to, if any. */
  enterpriseId?: string;
  enterpriseName?: string;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
}

export class SlackWorkspace {
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  /** Every message by channel, including thread replies and ephemerals, in ts order. */
  readonly messages = new Map<string, SlackMessage[]>();
  readonly views = new Map<string, { view: SlackView; userId: string }>();
  /** Modal stack per person, bottom first. */
  readonly modalStacks = new Map<string, string[]>();
  readonly homeViews = new Map<string, string>();
  readonly usergroups = new Map<string, Usergroup>();
  readonly triggers = new Map<string, Trigger>();
  readonly responseUrls = new Map<string, ResponseUrl>();
  /** Last options a block_suggestion answered, so a chosen external option keeps its text. */
  readonly suggestedOptions = new Map<string, Json[]>();
  private counter = 0;
  private lastTsMicros = 0n;

  constructor(
    readonly clock: Clock,
    readonly identity: Identity,
  ) {
    this.users.set(identity.botUserId, {
      id: identity.botUserId, name: identity.botName, real_name: identity.botName, tz: 'UTC', is_bot: true, is_admin: false,
      ...this.homeTeam(),
    });
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Message timestamps are unique and increasing, like Slack's, even when the clock stands still. */
  nextTs(): string {
    let micros = BigInt(this.nowMs()) * 1000n;
    if (micros <= this.lastTsMicros) micros = this.lastTsMicros + 1n;
    this.lastTsMicros = micros;
    const s = micros.toString().padStart(7, '0');
    return `${s.slice(0, -6)}.${s.slice(-6)}`;
  }

  /** The team fields of a person of the emulator's own workspace. */
  private homeTeam(): Pick<SlackUser, 'team_id' | 'team_domain' | 'enterprise_id' | 'enterprise_name'> {
    const id = this.identity;
    return {
      team_id: id.teamId, team_domain: id.teamDomain,
      ...(id.enterpriseId ? { enterprise_id: id.enterpriseId } : {}),
      ...(id.enterpriseName ? { enterprise_name: id.enterpriseName } : {}),
    };
  }

  addUser(seed: UserSeed): SlackUser {
    const foreign = seed.team_id !== undefined && seed.team_id !== this.identity.teamId;
    const team = foreign
      ? {
        team_id: seed.team_id as string, team_domain: seed.team_domain ?? (seed.team_id as string).toLowerCase(),
        ...(seed.enterprise_id ? { enterprise_id: seed.enterprise_id } : {}),
        ...(seed.enterprise_name ? { enterprise_name: seed.enterprise_name } : {}),
      }
      : this.homeTeam();
    const user: SlackUser = {
      id: seed.id, name: seed.name, real_name: seed.real_name ?? seed.name, tz: seed.tz ?? 'UTC',
      is_bot: false, is_admin: seed.is_admin ?? false,
      ...(seed.email ? { email: seed.email } : {}),
      ...team,
    };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(seed: ChannelSeed, creator = this.identity.botUserId): SlackChannel {
    const members = new Set(seed.members ?? []);
    if (seed.botMember !== false) members.add(this.identity.botUserId);
    const channel: SlackChannel = {
      id: seed.id ?? this.nextId(seed.is_private ? 'G' : 'C'),
      name: seed.name.replace(/^#/, ''),
      is_channel: true, is_private: seed.is_private ?? false, is_im: false, is_mpim: false,
      members: [...members], created: Math.floor(this.nowMs() / 1000), creator, topic: seed.topic ?? '',
    };
    this.channels.set(channel.id, channel);
    this.messages.set(channel.id, []);
    return channel;
  }

  channelByName(name: string): SlackChannel | undefined {
    const bare = name.replace(/^#/, '');
    for (const c of this.channels.values()) if (!c.is_im && !c.is_mpim && c.name === bare) return c;
    return undefined;
  }

  /** A channel by id, or by name (with or without '#') when asked. */
  channel(idOrName: string): SlackChannel | undefined {
    return this.channels.get(idOrName) ?? this.channelByName(idOrName);
  }

  /** The bot's DM with a person, created on first use (as conversations.open does). */
  dmWith(userId: string): SlackChannel {
    for (const c of this.channels.values()) if (c.is_im && c.user === userId) return c;
    const dm: SlackChannel = {
      id: this.nextId('D'), name: userId, is_channel: false, is_private: true, is_im: true, is_mpim: false,
      user: userId, members: [userId, this.identity.botUserId], created: Math.floor(this.nowMs() / 1000),
      creator: this.identity.botUserId, topic: '',
    };
    this.channels.set(dm.id, dm);
    this.messages.set(dm.id, []);
    return dm;
  }

  /** Whether the bot can see a conversation: public ones always (chat:write.public), others as a member. */
  botCanSee(channel: SlackChannel): boolean {
    return !channel.is_private || channel.members.includes(this.identity.botUserId);
  }

  /** A person acting in a public channel is in it; private ones they must already belong to. */
  ensureMember(channel: SlackChannel, userId: string): void {
    if (channel.members.includes(userId)) return;
    if (channel.is_private) throw new Error(`${userId} is not a member of private conversation ${channel.id}`);
    channel.members.push(userId);
  }

  channelMessages(channelId: string): SlackMessage[] {
    let list = this.messages.get(channelId);
    if (!list) {
      list = [];
      this.messages.set(channelId, list);
    }
    return list;
  }

  findMessage(channelId: string, ts: string, opts: { ephemeral?: boolean } = {}): SlackMessage | undefined {
    return this.channelMessages(channelId).find((m) => m.ts === ts && (opts.ephemeral === undefined || opts.ephemeral === (m.ephemeral_for !== undefined)));
  }

  /** Stores a message; a reply updates its thread parent the way Slack does. */
  addMessage(message: Omit<SlackMessage, 'type' | 'ts'> & { ts?: string }): SlackMessage {
    const stored: SlackMessage = { type: 'message', ts: message.ts ?? this.nextTs(), ...message };
    if (stored.blocks) stored.blocks = withBlockIds(stored.blocks);
    if (stored.thread_ts && !stored.ephemeral_for) {
      const parent = this.findMessage(stored.channel, stored.thread_ts, { ephemeral: false });
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        parent.reply_users = [...new Set([...(parent.reply_users ?? []), stored.user])];
        parent.latest_reply = stored.ts;
      }
    }
    this.channelMessages(stored.channel).push(stored);
    return stored;
  }

  removeMessage(message: SlackMessage): void {
    const list = this.channelMessages(message.channel);
    const i = list.indexOf(message);
    if (i >= 0) list.splice(i, 1);
    if (message.thread_ts && message.thread_ts !== message.ts && !message.ephemeral_for) {
      const parent = this.findMessage(message.channel, message.thread_ts, { ephemeral: false });
      if (parent?.reply_count) parent.reply_count -= 1;
    }
  }

  issueTrigger(userId: string): string {
    const id = `${Math.floor(this.nowMs() / 1000)}.${this.counter + 1}.${createHash('sha1').update(this.nextId('T')).digest('hex').slice(0, 32)}`;
    this.triggers.set(id, { id, userId, issuedAt: this.nowMs(), used: false });
    return id;
  }

  issueResponseUrl(userId: string, channelId: string, originalTs?: string): ResponseUrl {
    const record: ResponseUrl = {
      id: this.nextId('R'), userId, channelId, uses: 0, createdAt: this.nowMs(),
      ...(originalTs ? { originalTs } : {}),
    };
    this.responseUrls.set(record.id, record);
    return record;
  }

  newHash(): string {
    return `${Math.floor(this.nowMs() / 1000)}.${this.nextId('')}`;
  }

  modalStack(userId: string): string[] {
    let stack = this.modalStacks.get(userId);
    if (!stack) {
      stack = [];
      this.modalStacks.set(userId, stack);
    }
    return stack;
  }

  viewByExternalId(externalId: string): { view: SlackView; userId: string } | undefined {
    for (const v of this.views.values()) if (v.view.external_id === externalId) return v;
    return undefined;
  }
}

/** Slack gives every block without a block_id one of its own; ours are derived from content, so stable. */
export function withBlockIds(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    const block = structuredClone(b);
    if (typeof block.block_id !== 'string') {
      block.block_id = createHash('sha1').update(`${i}:${JSON.stringify(b)}`).digest('base64url').slice(0, 5);
    }
    // Slack also names input elements that come without an action_id.
    if (block.type === 'input' && isObject(block.element) && typeof block.element.action_id !== 'string') {
      block.element = { ...block.element, action_id: createHash('sha1').update(`a:${block.block_id}`).digest('base64url').slice(0, 6) };
    }
    return block;
  });
}
