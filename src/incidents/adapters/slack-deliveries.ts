import { WebClient } from '@slack/web-api';
import type { Notifier } from '../../core/notifier.ts';
import { SlackNotifier } from '../../integrations/slack/slack-notifier.ts';
import type { Platform } from '../../platform/capability.ts';
import { boltLogger } from '../../platform/logging/bolt-logger.ts';

/** As the platform's client: a Slack call answers within this or fails. */
const CALL_TIMEOUT_MS = 10_000;

/**
 * The incident's keyed posts (announcements, updates, resolutions, reminders, the pinned
 * summary) over a Slack client that never retries by itself.
 *
 * A local workaround: the platform's client retries a call whose connection dropped after Slack
 * had accepted it, inside one `notifier.post`, without looking for the key first, so one keyed
 * post can appear twice. Here a failed post fails its job, and the job's next attempt looks for
 * the key in the channel before posting again (`checkFirst`). Remove when the platform's keyed
 * post does that itself.
 */
export function slackDeliveries(platform: Pick<Platform, 'slack' | 'log' | 'config'>): Notifier {
  const client = new WebClient(platform.slack.token, {
    slackApiUrl: platform.slack.slackApiUrl,
    timeout: CALL_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: boltLogger(platform.log),
  });
  const { announcements, alerts } = platform.config.channels;
  return new SlackNotifier(client, undefined, { [announcements.name]: announcements.id, [alerts.name]: alerts.id });
}
