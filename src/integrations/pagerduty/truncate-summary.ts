/** PagerDuty Events v2 rejects or cuts summaries over this many characters. */
export const MAX_SUMMARY_LENGTH = 1024;
export const TRUNCATION_MARKER = '… [truncated, full text in Slack]';

export interface TruncatedText {
  text: string;
  truncated: boolean;
}

/**
 * Fits `text` into `max` UTF-16 code units (a stricter bound than characters, so it holds however
 * the receiver counts) with the marker at the end. Never splits a surrogate pair.
 */
export function truncateSummary(text: string, max = MAX_SUMMARY_LENGTH, marker = TRUNCATION_MARKER): TruncatedText {
  if (text.length <= max) return { text, truncated: false };
  if (marker.length >= max) throw new RangeError('truncation marker does not fit in the limit');
  let cut = text.slice(0, max - marker.length);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return { text: cut.trimEnd() + marker, truncated: true };
}
