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

/**
 * A delivery's identity, so an at-least-once sender does not repeat what a person would notice.
 * `key` travels with the message (Slack message metadata); with `checkFirst` (a retry after an
 * uncertain failure, or after a restart), the conversation is searched for a message with that
 * key before posting again, and the one found is returned instead.
 */
export interface DeliveryKey {
  key: string;
  checkFirst?: boolean;
}

export interface Notifier {
  post(channel: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage>;
  update(posted: PostedMessage, message: OutgoingMessage): Promise<void>;
  /** A direct message to a person (Slack user id). */
  dm(userId: string, message: OutgoingMessage, delivery?: DeliveryKey): Promise<PostedMessage>;
  /** Only `userId` sees it. */
  ephemeral(channel: string, userId: string, message: OutgoingMessage): Promise<void>;
  permalink(posted: PostedMessage): Promise<string | undefined>;
}
