/**
 * Whether Slack may have posted despite the failure: a dropped connection, a timeout or a 5xx.
 * Slack's own refusals (`{ ok: false }`) and rate limits (429) are certain: nothing was posted.
 */
export function mayHavePosted(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return true;
  const code = 'code' in err ? err.code : undefined;
  return code !== 'slack_webapi_platform_error' && code !== 'slack_webapi_rate_limited_error';
}
