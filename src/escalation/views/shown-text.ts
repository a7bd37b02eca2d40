import { escapeMrkdwn } from '../../core/mrkdwn.ts';

/**
 * User or third-party text (a summary, details, a PagerDuty agent's name) ready for mrkdwn:
 * escaped, so it can never ping a channel, mention someone or disguise a link, and clipped to
 * `max` characters *after* escaping (escaping lengthens it), never cutting an entity (`&amp;`)
 * or a surrogate pair in half.
 */
export function shown(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let end = max - 1;
  const amp = escaped.lastIndexOf('&', end - 1);
  if (amp >= 0 && escaped.indexOf(';', amp) >= end) end = amp;
  const code = escaped.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${escaped.slice(0, end)}…`;
}

/** As `shown`, on one line: for text inside a sentence, where a typed newline must not start a line of its own. */
export function shownInline(text: string, max: number): string {
  return shown(text.replace(/\s*[\r\n]+\s*/g, ' '), max);
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * Whoever a page names (who raised it, who acted on it): a person of the config as their mention,
 * someone not in the config by their Slack id (a mention Slack renders as their name), anything
 * else (a capability's name) as escaped text.
 */
export function actorShown(id: string, mention: (personId: string) => string): string {
  const m = mention(id);
  if (m !== id) return m;
  return SLACK_USER_ID.test(id) ? `<@${id}>` : shown(id, 200);
}
