import { readYaml11 } from '../../core/yaml11.ts';

/** The folders whose OWNERS decide a change to `path`, nearest first: `dns/zone-configs`, `dns`, ``. */
export function ownersFoldersOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  const folders: string[] = [];
  for (let i = parts.length; i >= 0; i--) folders.push(parts.slice(0, i).join('/'));
  return folders;
}

/** `approvers:` of an OWNERS file as Prow reads it (yaml.v2), aliases expanded; undefined when unreadable. */
export function approversOf(ownersText: string, aliasesText: string | undefined): { approvers: string[]; noParent: boolean } | undefined {
  const read = readYaml11(ownersText, 'go-yaml-v2');
  if (!read.ok || typeof read.value !== 'object' || read.value === null) return undefined;
  const doc = read.value as { approvers?: unknown; options?: { no_parent_owners?: unknown } };
  const aliases = aliasesOf(aliasesText);
  const names = Array.isArray(doc.approvers) ? doc.approvers.filter((a): a is string => typeof a === 'string') : [];
  const approvers = [...new Set(names.flatMap((n) => aliases.get(n.toLowerCase()) ?? [n]))];
  return { approvers, noParent: doc.options?.no_parent_owners === true };
}

function aliasesOf(text: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!text) return map;
  const read = readYaml11(text, 'go-yaml-v2');
  if (!read.ok) return map;
  const aliases = (read.value as { aliases?: Record<string, unknown> } | null)?.aliases ?? {};
  for (const [name, list] of Object.entries(aliases)) if (Array.isArray(list)) map.set(name.toLowerCase(), list.filter((x): x is string => typeof x === 'string'));
  return map;
}
