import type { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { Notifier, OutgoingMessage, PostedMessage } from '../../core/notifier.ts';
import type { Metrics } from '../../platform/http/metrics.ts';

/** Notifier over the Web API: resolves channel names once, counts Slack errors by method. */
export class SlackNotifier implements Notifier {
  private readonly channelIds = new Map<string, string>();
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly client: WebClient,
    private readonly metrics?: Metrics,
    knownChannels: Record<string, string | undefined> = {},
  ) {
    for (const [name, id] of Object.entries(knownChannels)) if (id) this.channelIds.set(name, id);
  }

  private async call<T>(method: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const data = (err as { data?: { error?: string } }).data;
      this.metrics?.slackApiErrors.inc({ method, error: data?.error ?? (err as { code?: string }).code ?? 'unknown' });
      throw err;
    }
  }

  async channelId(channel: string): Promise<string> {
    if (/^[CGD][A-Z0-9]{2,}$/.test(channel)) return channel;
    const name = channel.replace(/^#/, '');
    const cached = this.channelIds.get(name);
    if (cached) return cached;
    let cursor: string | undefined;
    do {
      const page = await this.call('conversations.list', () =>
        this.client.conversations.list({ limit: 1000, exclude_archived: true, types: 'public_channel,private_channel', ...(cursor ? { cursor } : {}) }),
      );
      for (const c of page.channels ?? []) if (c.name && c.id) this.channelIds.set(c.name, c.id);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor && !this.channelIds.has(name));
    const id = this.channelIds.get(name);
    if (!id) throw new Error(`Slack channel #${name} not found (is the bot invited?)`);
    return id;
  }

  async post(channel: string, message: OutgoingMessage): Promise<PostedMessage> {
    const id = await this.channelId(channel);
    const r = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel: id, text: message.text, blocks: message.blocks as KnownBlock[] | undefined, thread_ts: message.threadTs, unfurl_links: false }),
    );
    return { channel: r.channel ?? id, ts: r.ts! };
  }

  async update(posted: PostedMessage, message: OutgoingMessage): Promise<void> {
    await this.call('chat.update', () => this.client.chat.update({ channel: posted.channel, ts: posted.ts, text: message.text, blocks: (message.blocks ?? []) as KnownBlock[] }));
  }

  async dm(userId: string, message: OutgoingMessage): Promise<PostedMessage> {
    let channel = this.dmChannels.get(userId);
    if (!channel) {
      const opened = await this.call('conversations.open', () => this.client.conversations.open({ users: userId }));
      channel = opened.channel!.id!;
      this.dmChannels.set(userId, channel);
    }
    return this.post(channel, message);
  }

  async ephemeral(channel: string, userId: string, message: OutgoingMessage): Promise<void> {
    const id = await this.channelId(channel);
    await this.call('chat.postEphemeral', () => this.client.chat.postEphemeral({ channel: id, user: userId, text: message.text, blocks: message.blocks as KnownBlock[] | undefined }));
  }

  async permalink(posted: PostedMessage): Promise<string | undefined> {
    try {
      const r = await this.client.chat.getPermalink({ channel: posted.channel, message_ts: posted.ts });
      return r.permalink;
    } catch {
      return undefined;
    }
  }
}
