import type { OwnersEntry } from './change.ts';
import { goStringList, isMapping, parseYaml11 } from './yaml11.ts';

/**
 * Prow's OWNERS files (https://go.k8s.io/owners), read as Prow reads them (sigs.k8s.io/yaml):
 * `approvers`, `reviewers`, `options.no_parent_owners`, and per-file `filters` (regex → lists).
 * Logins are compared case-insensitively; aliases come from OWNERS_ALIASES at the root.
 */
export interface OwnersFile {
  /** Repository-relative folder, '' for the root. */
  dir: string;
  noParentOwners: boolean;
  approvers: string[];
  reviewers: string[];
  filters: { pattern: RegExp; approvers: string[]; reviewers: string[]; noParentOwners: boolean }[];
}

export type OwnersAliases = ReadonlyMap<string, readonly string[]>;

export function parseOwnersFile(dir: string, text: string): OwnersFile {
  const doc = parseYaml11(text) ?? {};
  if (!isMapping(doc)) throw new Error(`${dir ? `${dir}/` : ''}OWNERS is not a mapping`);
  const options = isMapping(doc.options) ? doc.options : {};
  const filters: OwnersFile['filters'] = [];
  if (isMapping(doc.filters)) {
    for (const [source, body] of Object.entries(doc.filters)) {
      if (!isMapping(body)) continue;
      let pattern: RegExp;
      try {
        pattern = new RegExp(source);
      } catch {
        continue; // Prow refuses the file's filter; the rest of the file still counts.
      }
      const opts = isMapping(body.options) ? body.options : {};
      filters.push({ pattern, approvers: goStringList(body.approvers), reviewers: goStringList(body.reviewers), noParentOwners: opts.no_parent_owners === true });
    }
  }
  return { dir, noParentOwners: options.no_parent_owners === true, approvers: goStringList(doc.approvers), reviewers: goStringList(doc.reviewers), filters };
}

export function parseOwnersAliases(text: string | undefined): OwnersAliases {
  const aliases = new Map<string, string[]>();
  if (!text) return aliases;
  const doc = parseYaml11(text);
  if (!isMapping(doc) || !isMapping(doc.aliases)) return aliases;
  for (const [name, members] of Object.entries(doc.aliases)) aliases.set(name.toLowerCase(), goStringList(members));
  return aliases;
}

function unique(handles: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const h of handles) if (!seen.has(h.toLowerCase())) seen.set(h.toLowerCase(), h);
  return [...seen.values()];
}

function expand(entries: readonly string[], aliases: OwnersAliases): string[] {
  return unique(entries.flatMap((e) => aliases.get(e.toLowerCase()) ?? [e]));
}

/** Every folder whose OWNERS file may apply to one of `files`, deepest first. */
export function ownersDirs(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    parts.pop();
    for (let depth = parts.length; depth >= 0; depth--) dirs.add(parts.slice(0, depth).join('/'));
  }
  const depth = (dir: string) => (dir === '' ? 0 : dir.split('/').length);
  return [...dirs].sort((a, b) => depth(b) - depth(a) || a.localeCompare(b));
}

export interface OwnersOfFiles {
  /** The nearest OWNERS file of each changed path (once each). */
  entries: OwnersEntry[];
  /** Approvers Prow accepts for the files, the nearest OWNERS files' first. */
  approvers: string[];
}

/**
 * Who approves `files` by Prow's rules: from each file's folder up to the root, every OWNERS on
 * the way, stopping after one with `no_parent_owners` (or a matching filter with it).
 */
export function ownersOf(files: readonly string[], byDir: ReadonlyMap<string, OwnersFile>, aliases: OwnersAliases): OwnersOfFiles {
  const nearest = new Map<string, OwnersEntry>();
  const first: string[] = [];
  const rest: string[] = [];
  for (const file of files) {
    const parts = file.split('/');
    parts.pop();
    let found = false;
    for (let depth = parts.length; depth >= 0; depth--) {
      const dir = parts.slice(0, depth).join('/');
      const owners = byDir.get(dir);
      if (!owners) continue;
      const relative = file.slice(dir === '' ? 0 : dir.length + 1);
      const matching = owners.filters.filter((f) => f.pattern.test(relative));
      const approvers = expand([...owners.approvers, ...matching.flatMap((f) => f.approvers)], aliases);
      const reviewers = expand([...owners.reviewers, ...matching.flatMap((f) => f.reviewers)], aliases);
      if (!found && (approvers.length || reviewers.length)) {
        found = true;
        const name = dir === '' ? 'OWNERS' : `${dir}/OWNERS`;
        if (!nearest.has(name)) nearest.set(name, { file: name, approvers, reviewers });
        first.push(...approvers);
      } else rest.push(...approvers);
      if (owners.noParentOwners || matching.some((f) => f.noParentOwners)) break;
    }
  }
  return { entries: [...nearest.values()], approvers: unique([...first, ...rest]) };
}
