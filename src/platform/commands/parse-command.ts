/** Splits command text into words, keeping "quoted phrases" together. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

export interface ParsedCommand {
  name: string;
  args: string[];
  /** The text after the subcommand, as typed (for free-text summaries). */
  rest: string;
}

export function parseCommand(text: string): ParsedCommand {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { name: 'help', args: [], rest: '' };
  const rest = match[2] ?? '';
  return { name: (match[1] ?? '').toLowerCase(), args: splitArgs(rest), rest };
}
