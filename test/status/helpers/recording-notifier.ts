import type { Notifier, OutgoingMessage, PostedMessage } from '../../../src/core/notifier.ts';

/** A Notifier that keeps what it was asked to post. */
export class RecordingNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage }[] = [];

  async post(channel: string, message: OutgoingMessage): Promise<PostedMessage> {
    this.posts.push({ channel, message });
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
