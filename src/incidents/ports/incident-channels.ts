/** The incident's Slack channel: what set-up, role changes and :pushpin: reactions need from Slack. */
export interface IncidentChannels {
  /** A new public channel, or `name-taken` when the name is in use (archived channels keep theirs). */
  create(name: string): Promise<{ id: string } | 'name-taken'>;
  /** The unarchived channel of that name if the bot itself created it (a create whose answer was lost). */
  findOwn(name: string): Promise<{ id: string } | undefined>;
  /**
   * Invites Slack users (anything else in the list is skipped). Someone already in the channel is
   * fine, and one unknown or deactivated user does not keep the others out.
   */
  invite(channelId: string, users: readonly string[]): Promise<void>;
  /** Pins a message; one pinned already is fine. */
  pin(channelId: string, ts: string): Promise<void>;
  /** The message at `ts` (in the channel or a thread): who wrote it and its text. */
  message(channelId: string, ts: string): Promise<{ author: string; text: string } | undefined>;
}
