import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

export interface EphemeralTarget {
  /** Bolt's `respond`; absent when the payload carried no `response_url`. */
  respond?: RespondFn | undefined;
  client: WebClient;
  channel?: string | undefined;
  user: string;
}

/**
 * Tells one person something only they see, next to what they clicked: through `response_url`
 * when there is one (it works in DMs and modals' source channels), else `chat.postEphemeral`,
 * else (a click in the Home tab) a DM.
 */
export async function tellEphemeral(target: EphemeralTarget, text: string): Promise<void> {
  if (target.respond) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  if (target.channel) {
    await target.client.chat.postEphemeral({ channel: target.channel, user: target.user, text });
    return;
  }
  // A click in the Home tab has neither a response_url nor a channel: the answer goes to the
  // person's DM with the bot (the Messages tab beside Home), so it is never dropped.
  await target.client.chat.postMessage({ channel: target.user, text });
}
