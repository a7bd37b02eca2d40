import { DateTime } from 'luxon';

/** "Mon 24 Nov 09:00 CET" in `zone` (the reader's own, from Slack's users.info `tz`). */
export function formatWhen(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('ccc d LLL HH:mm ZZZZ');
}

/** "Mon 09:00 UTC": short, for channel messages read by people in every zone. */
export function formatUtcShort(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'UTC' }).toFormat("ccc d LLL HH:mm 'UTC'");
}

export { chunkLines } from '../../platform/slack/chunk-lines.ts';
