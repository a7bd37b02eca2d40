/**
 * What a hostile member of a public channel can type into any field the bot echoes: every
 * broadcast, a user-group ping, a mention, a masked link and a channel link.
 */
export const HOSTILE = '<!channel> <!here> <!everyone> <!subteam^S0LEADS> <@U0DIMS001> <https://evil.example|click me> & <#C0SECRET>';

/** The pieces that must never reach Slack unescaped (each would ping or disguise a link). */
export const HOSTILE_SEQUENCES = ['<!channel>', '<!here>', '<!everyone>', '<!subteam^S0LEADS>', '<@U0DIMS001>', '<https://evil.example|click me>', '<#C0SECRET>'];

/** Every hostile sequence found in a rendered message or view (text and blocks). */
export function unescapedHostile(rendered: unknown): string[] {
  const text = JSON.stringify(rendered);
  return HOSTILE_SEQUENCES.filter((s) => text.includes(JSON.stringify(s).slice(1, -1)));
}
