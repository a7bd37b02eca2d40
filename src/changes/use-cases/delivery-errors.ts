import { PermanentJobError } from '../../platform/jobs/permanent-job-error.ts';

/** Slack errors that the same call will get again: the bot is not in the channel, the user is gone… */
const PERMANENT_SLACK = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'users_not_found', 'cannot_dm_bot', 'user_disabled', 'account_inactive', 'invalid_blocks', 'msg_too_long', 'no_text']);

function slackCode(err: unknown): string | undefined {
  const data = err !== null && typeof err === 'object' && 'data' in err ? (err as { data?: { error?: unknown } }).data : undefined;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** The error to throw from a delivery job: a permanent one stops the retries (and is logged as failed). */
export function deliveryFailure(err: unknown, what: string): Error {
  const code = slackCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if ((code && PERMANENT_SLACK.has(code)) || /not found \(is the bot invited\?\)/.test(message)) return new PermanentJobError(`${what}: ${code ?? message}`);
  return err instanceof Error ? err : new Error(message);
}
