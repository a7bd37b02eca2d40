/**
 * Text people type into an incident (titles, descriptions, updates, resolutions, pinned
 * messages) is kept as they meant it, as plain text, and escaped where it is shown: views escape
 * it for Slack's mrkdwn, the issue text escapes it for GitHub. Nothing a person types can become
 * a mention, a broadcast or a disguised link in either place.
 */

/** How long each text may be, so every view that shows it stays within Slack's and GitHub's limits. */
export const INCIDENT_TEXT_LIMITS = {
  /** The declare form's title field; the channel name and GitHub title derive from it. */
  title: 150,
  /** Modal text fields hold at most 3000; the rest of a section's 3000 is the bot's own words. */
  description: 2900,
  update: 2900,
  resolution: 2900,
  /** A pinned message joins the timeline; the summary shows the last 15 entries in one section. */
  pinned: 500,
} as const;

/** `12,345`: limits and lengths in messages people read. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `text` cut to `max` characters, ending in an ellipsis when cut (a surrogate pair is never split). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** The first `max` characters, for a form field holding at most `max` (a surrogate pair is never split). */
export function fitField(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Slack's formatting of what a person typed in a slash command or a message (`<@U1|ben>`,
 * `<!here>`, `<https://x|label>`, `&lt;`) as the plain text it stands for (`@ben`, `@here`,
 * `label (https://x)`, `<`). Shown again by the bot, it is escaped: it never pings or links anyone.
 */
export function plainFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
      if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
      if (target.startsWith('!subteam^')) return label ? (label.startsWith('@') ? label : `@${label}`) : `@${target.slice('!subteam^'.length)}`;
      if (target.startsWith('!date^')) return label ?? '';
      if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
      return label && label !== target ? `${label} (${target})` : target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A Slack user id as Slack sends it; anything else (a crafted payload) is not rendered as `<@…>`. */
export function isSlackUserId(id: string): boolean {
  return /^[UW][A-Z0-9]{2,20}$/.test(id);
}
