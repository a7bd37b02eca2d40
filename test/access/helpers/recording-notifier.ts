import type { Notifier, OutgoingMessage, PostedMessage } from '../../../src/core/notifier.ts';

/** A notifier that keeps what it was asked to send; `failDmsTo` makes DMs to those people fail. */
export class RecordingNotifier implements Notifier {
  readonly posts: { channel: string; message: OutgoingMessage; posted: PostedMessage }[] = [];
  readonly updates: { posted: PostedMessage; message: OutgoingMessage }[] = [];
  readonly dms: { userId: string; message: OutgoingMessage }[] = [];
  readonly failDmsTo = new Set<string>();
  private ts = 0;

  async post(channel: string, message: OutgoingMessage): Promise<PostedMessage> {
    const posted = { channel: `C-${channel}`, ts: `1700000000.${String(++this.ts).padStart(6, '0')}` };
    this.posts.push({ channel, message, posted });
    return posted;
  }
  async update(posted: PostedMessage, message: OutgoingMessage): Promise<void> {
    this.updates.push({ posted, message });
  }
  async dm(userId: string, message: OutgoingMessage): Promise<PostedMessage> {
    if (this.failDmsTo.has(userId)) throw new Error(`im.open failed for ${userId}`);
    this.dms.push({ userId, message });
    return { channel: `D-${userId}`, ts: String(++this.ts) };
  }
  async ephemeral(): Promise<void> {}
  async permalink(posted: PostedMessage): Promise<string | undefined> {
    return `https://slack.example/archives/${posted.channel}/p${posted.ts.replace('.', '')}`;
  }

  dmTextsTo(userId: string): string[] {
    return this.dms.filter((d) => d.userId === userId).map((d) => d.message.text);
  }
}
