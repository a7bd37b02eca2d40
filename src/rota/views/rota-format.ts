import { DateTime } from 'luxon';

/** "Mon 24 Nov 09:00 CET" in `zone` (the reader's own, from Slack's users.info `tz`). */
export function formatWhen(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('ccc d LLL HH:mm ZZZZ');
}

/** "Mon 09:00 UTC": short, for channel messages read by people in every zone. */
export function formatUtcShort(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'UTC' }).toFormat("ccc d LLL HH:mm 'UTC'");
}

/** Splits lines into chunks of at most `max` characters (Slack: 3000 per section text). */
export function chunkLines(lines: readonly string[], max = 2900): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length > max && current) {
      chunks.push(current);
      current = line.slice(0, max);
    } else current = candidate.slice(0, max);
  }
  if (current) chunks.push(current);
  return chunks;
}
