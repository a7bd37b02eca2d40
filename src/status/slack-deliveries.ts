import { WebClient } from '@slack/web-api';
import type { Notifier } from '../core/notifier.ts';
import { SlackNotifier } from '../integrations/slack/slack-notifier.ts';
import type { Platform } from '../platform/capability.ts';
import { boltLogger } from '../platform/logging/bolt-logger.ts';

/** As the platform's client: a Slack call answers within this or fails. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/**
 * Status alerts over a Slack client that never retries by itself.
 *
 * A local workaround: the platform's client retries a call whose connection dropped after Slack
 * had accepted it, inside one `notifier.post`, without looking for the key first, so one keyed
 * alert can appear twice. Here a failed post fails its job, and the job's next attempt looks for
 * the key in the channel before posting again (`checkFirst`). Remove when the platform's keyed
 * post does that itself.
 */
export function slackDeliveries(platform: Pick<Platform, 'slack' | 'log' | 'config'>): Notifier {
  const client = new WebClient(platform.slack.token, {
    slackApiUrl: platform.slack.slackApiUrl,
    timeout: SLACK_CALL_TIMEOUT_MS,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: boltLogger(platform.log),
  });
  const { announcements, alerts } = platform.config.channels;
  return new SlackNotifier(client, undefined, { [announcements.name]: announcements.id, [alerts.name]: alerts.id });
}

/**
 * Whether Slack may have posted despite the failure: a dropped connection, a timeout or a 5xx.
 * Slack's own refusals (`{ ok: false }`) and rate limits (429) are certain: nothing was posted.
 */
export function mayHavePosted(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return true;
  const code = 'code' in err ? err.code : undefined;
  return code !== 'slack_webapi_platform_error' && code !== 'slack_webapi_rate_limited_error';
}
