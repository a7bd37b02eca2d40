/**
 * Slack's documented escaping for text shown as mrkdwn: `&`, `<` and `>` become `&amp;`,
 * `&lt;` and `&gt;`. After it, nothing a person typed (a page summary, an incident title, a
 * PagerDuty agent name) can become `<!channel>`, `<!here>`, `<!subteam^…>`, a `<@U…>` mention
 * or a `<https://evil|click me>` masked link: Slack shows it as the characters typed.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escaped and kept on one line: for text embedded in a sentence (a title in "Incident: …"),
 * where a newline the person typed must not start a new, unescaped-looking line.
 */
export function escapeInline(text: string): string {
  return escapeMrkdwn(text.replace(/\s*[\r\n]+\s*/g, ' '));
}
