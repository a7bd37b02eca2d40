import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Notifier, PostedMessage } from '../core/notifier.ts';
import { SlackNotifier } from '../integrations/slack/slack-notifier.ts';
import { boltLogger } from '../platform/logging/bolt-logger.ts';

/** As every Slack call of the bot: one call never waits longer than this. */
const CALL_TIMEOUT_MS = 10_000;

export interface PagingSlack {
  notifier: Notifier;
  /** The DM delivered to a person with this key, if Slack has it. */
  findDm(slackId: string, key: string): Promise<PostedMessage | undefined>;
}

/**
 * Paging's own Slack sender for its keyed deliveries (page posts, DMs, thread lines). The same
 * token, base URL and timeout as the bot's client, but no retries inside the client: a post whose
 * answer was lost (the connection dropped after Slack accepted it) would be sent again blindly
 * there, and the person would get it twice. Here the job fails instead, and its retry looks for the
 * post by its key before sending again. A 429 is thrown with its Retry-After for the runner to wait out.
 */
export function pagingSlack(bot: WebClient, knownChannels: Record<string, string | undefined>, log: Logger): PagingSlack {
  const client = new WebClient(bot.token, {
    slackApiUrl: bot.slackApiUrl,
    timeout: CALL_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: boltLogger(log),
  });
  const notifier = new SlackNotifier(client, undefined, knownChannels);
  return {
    notifier,
    async findDm(slackId, key) {
      const opened = await client.conversations.open({ users: slackId });
      const channel = opened.channel?.id;
      return channel ? notifier.findDelivered(channel, key) : undefined;
    },
  };
}
