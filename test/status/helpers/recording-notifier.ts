import type { DeliveryKey, Notifier, OutgoingMessage, PostedMessage } from '../../../src/core/notifier.ts';

/** A Notifier that keeps what it was asked to post; a keyed post checked first is found, not posted again. */
export class RecordingNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage; key?: string }[] = [];

  async post(channel: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage> {
    const earlier = delivery?.checkFirst ? this.posts.findIndex((p) => p.channel === channel && p.key === delivery.key) : -1;
    if (earlier >= 0) return { channel, ts: `${earlier + 1}.000` };
    this.posts.push({ channel, message, ...(delivery ? { key: delivery.key } : {}) });
    return { channel, ts: `${this.posts.length}.000` };
  }
  async update(): Promise<void> {}
  async dm(userId: string, message: OutgoingMessage): Promise<PostedMessage> {
    return this.post(userId, message);
  }
  async ephemeral(): Promise<void> {}
  async permalink(): Promise<string | undefined> {
    return undefined;
  }
}
