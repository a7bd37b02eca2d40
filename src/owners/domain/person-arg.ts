/** What finding a person from a command argument needs to know about people. */
export interface NamedPerson {
  id: string;
  slack: string;
  github: string;
}

/**
 * The person a command names: a Slack mention as Slack sends it (`<@U123>` or `<@U123|name>`),
 * or `@handle` / `handle` matching a config id or GitHub handle (case-insensitively).
 */
export function findPersonArg<P extends NamedPerson>(arg: string, people: readonly P[]): P | undefined {
  const mention = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(arg.trim());
  if (mention) return people.find((p) => p.slack === mention[1]);
  const handle = arg.trim().replace(/^@/, '').toLowerCase();
  if (!handle) return undefined;
  return people.find((p) => p.id.toLowerCase() === handle || p.github.toLowerCase() === handle);
}
