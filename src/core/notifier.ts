/**
 * How the core talks to people, without knowing it is Slack. Messages are Block Kit JSON built by
 * pure view functions; `channel` is a channel name (no #) or id.
 */
export interface OutgoingMessage {
  text: string;
  blocks?: unknown[];
  threadTs?: string;
}

export interface PostedMessage {
  channel: string;
  ts: string;
}

export interface Notifier {
  post(channel: string, message: OutgoingMessage): Promise<PostedMessage>;
  update(posted: PostedMessage, message: OutgoingMessage): Promise<void>;
  /** A direct message to a person (Slack user id). */
  dm(userId: string, message: OutgoingMessage): Promise<PostedMessage>;
  /** Only `userId` sees it. */
  ephemeral(channel: string, userId: string, message: OutgoingMessage): Promise<void>;
  permalink(posted: PostedMessage): Promise<string | undefined>;
}
