/** A subcommand as `help` lists it; capabilities declare theirs with their handlers. */
export interface SubcommandInfo {
  name: string;
  usage: string;
  summary: string;
  example: string;
  aliases?: readonly string[];
}

export const HELP_SUBCOMMAND: SubcommandInfo = { name: 'help', usage: 'help', summary: 'List every subcommand with an example', example: '/k8s-infra help' };

/**
 * Subcommands announced in help before their capability exists: they answer "not yet
 * available" rather than "unknown". A capability that declares one of these names replaces it.
 */
export const PLANNED_SUBCOMMANDS: readonly SubcommandInfo[] = [];

/** help first, then the capabilities' subcommands in list order, then planned ones not yet built. */
export function buildCatalog(declared: readonly SubcommandInfo[]): SubcommandInfo[] {
  const names = new Set<string>(['help']);
  for (const s of declared) {
    for (const n of [s.name, ...(s.aliases ?? [])]) {
      if (names.has(n)) throw new Error(`subcommand ${n} is declared twice`);
      names.add(n);
    }
  }
  return [HELP_SUBCOMMAND, ...declared, ...PLANNED_SUBCOMMANDS.filter((p) => !names.has(p.name))];
}
