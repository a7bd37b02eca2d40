import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import type { DeliveryKey, Notifier, OutgoingMessage, PostedMessage } from '../../core/notifier.ts';
import type { Metrics } from '../../platform/http/metrics.ts';

/** The metadata event type that marks the bot's keyed deliveries. */
export const DELIVERY_EVENT_TYPE = 'k8s_infra_bot_delivery';

/**
 * How far back a retry looks for its own earlier post: the latest 600 messages of the
 * conversation (a retry comes seconds or minutes later; clocks need not agree).
 */
const HISTORY_PAGES = 3;

/** The key a message was delivered with, read from its metadata (absent for others' messages). */
function deliveryKeyOf(metadata: unknown): string | undefined {
  if (metadata === null || typeof metadata !== 'object' || !('event_type' in metadata) || metadata.event_type !== DELIVERY_EVENT_TYPE) return undefined;
  const payload = 'event_payload' in metadata ? metadata.event_payload : undefined;
  return payload !== null && typeof payload === 'object' && 'key' in payload && typeof payload.key === 'string' ? payload.key : undefined;
}

/** Whether a failed call may still have been carried out by Slack. */
function isUncertain(err: unknown): boolean {
  const code = err !== null && typeof err === 'object' && 'code' in err ? err.code : undefined;
  return code === ErrorCode.RequestError || code === ErrorCode.HTTPError;
}

/** Notifier over the Web API: resolves channel names once, counts Slack errors by method. */
export class SlackNotifier implements Notifier {
  private readonly channelIds = new Map<string, string>();
  private readonly dmChannels = new Map<string, string>();
  /**
   * Keyed posts go through a client that never retries by itself: the Web API client retries a
   * post whose connection dropped after Slack accepted it, and that is how a message appears
   * twice. This notifier looks for the key first, then retries.
   */
  private readonly onceClient: WebClient;

  constructor(
    private readonly client: WebClient,
    private readonly metrics?: Metrics,
    knownChannels: Record<string, string | undefined> = {},
  ) {
    for (const [name, id] of Object.entries(knownChannels)) if (id) this.channelIds.set(name, id);
    this.onceClient = new WebClient(client.token, {
      slackApiUrl: client.slackApiUrl,
      retryConfig: { retries: 0 },
      timeout: 10_000,
      rejectRateLimitedCalls: true,
      logLevel: LogLevel.ERROR,
    });
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

  async post(channel: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage> {
    const id = await this.channelId(channel);
    if (delivery?.checkFirst) {
      const earlier = await this.findDelivered(id, delivery.key, message.threadTs);
      if (earlier) return earlier;
    }
    const args = {
      channel: id,
      text: message.text,
      blocks: message.blocks as KnownBlock[] | undefined,
      thread_ts: message.threadTs,
      unfurl_links: false,
      ...(delivery ? { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: delivery.key } } } : {}),
    };
    if (!delivery) {
      const r = await this.call('chat.postMessage', () => this.client.chat.postMessage(args));
      return { channel: r.channel ?? id, ts: r.ts! };
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const r = await this.call('chat.postMessage', () => this.onceClient.chat.postMessage(args));
        return { channel: r.channel ?? id, ts: r.ts! };
      } catch (err) {
        // Only a request whose fate is unknown (a dropped connection, a timeout, a 5xx) may have
        // been posted; Slack's own refusals (channel_not_found, a 429) did not post anything.
        if (!isUncertain(err) || attempt >= 3) throw err;
        const earlier = await this.findDelivered(id, delivery.key, message.threadTs);
        if (earlier) return earlier;
      }
    }
  }

  /**
   * The message this key was delivered as, if Slack has it: the channel's recent history (or the
   * thread's replies), newest first, read with message metadata.
   */
  async findDelivered(channel: string, key: string, threadTs?: string): Promise<PostedMessage | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < HISTORY_PAGES; page++) {
      const r = threadTs
        ? await this.call('conversations.replies', () => this.client.conversations.replies({ channel, ts: threadTs, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }))
        : await this.call('conversations.history', () => this.client.conversations.history({ channel, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }));
      for (const m of r.messages ?? []) if (deliveryKeyOf(m.metadata) === key && m.ts) return { channel, ts: m.ts };
      cursor = r.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }

  async update(posted: PostedMessage, message: OutgoingMessage): Promise<void> {
    await this.call('chat.update', () => this.client.chat.update({ channel: posted.channel, ts: posted.ts, text: message.text, blocks: (message.blocks ?? []) as KnownBlock[] }));
  }

  async dm(userId: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage> {
    let channel = this.dmChannels.get(userId);
    if (!channel) {
      const opened = await this.call('conversations.open', () => this.client.conversations.open({ users: userId }));
      channel = opened.channel!.id!;
      this.dmChannels.set(userId, channel);
    }
    return this.post(channel, message, delivery);
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
