/**
 * Commands in a GitHub comment, read the way Prow reads them: one per line, at the start of the
 * line (a quoted `> /hold` is not a command). `/object <reason>` and `/object cancel` are this
 * bot's; `/hold`, `/hold cancel`, `/unhold` and `/remove-hold` are Prow's.
 */
export type GithubCommand = { kind: 'object'; reason: string } | { kind: 'object-cancel' } | { kind: 'hold' } | { kind: 'hold-cancel' };

export function parseGithubCommands(body: string): GithubCommand[] {
  const commands: GithubCommand[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if ((m = /^\/object(?:\s+(.*))?$/i.exec(line))) {
      const rest = (m[1] ?? '').trim();
      commands.push(/^cancel$/i.test(rest) ? { kind: 'object-cancel' } : { kind: 'object', reason: rest || '(no reason given on GitHub)' });
    } else if (/^\/hold\s+cancel\s*$/i.test(line) || /^\/(?:unhold|remove-hold)\s*$/i.test(line)) {
      commands.push({ kind: 'hold-cancel' });
    } else if (/^\/hold(?:\s.*)?$/i.test(line)) {
      commands.push({ kind: 'hold' });
    }
  }
  return commands;
}
