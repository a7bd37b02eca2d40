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
 * when there is one (it works in DMs and modals' source channels), else `chat.postEphemeral`.
 */
export async function tellEphemeral(target: EphemeralTarget, text: string): Promise<void> {
  if (target.respond) {
    await target.respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  if (target.channel) await target.client.chat.postEphemeral({ channel: target.channel, user: target.user, text });
}
