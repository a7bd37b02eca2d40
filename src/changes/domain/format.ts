import { DateTime } from 'luxon';

/** "Mon 13 Apr 2026 12:00 UTC": for GitHub, e-mail and fallbacks, where nobody's zone is known. */
export function utc(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'UTC' }).toFormat("ccc d LLL yyyy HH:mm 'UTC'");
}

/** Slack shows a date token in each reader's own timezone, with the UTC text as fallback. */
export function slackDate(date: Date): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty} {time}|${utc(date)}>`;
}

export function day(d: { year: number; month: number; day: number }): string {
  return DateTime.fromObject(d, { zone: 'UTC' }).toFormat('d LLL yyyy');
}
