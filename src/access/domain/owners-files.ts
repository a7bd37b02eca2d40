import { parseYaml11 } from '../../core/yaml11.ts';

/** One parsed `OWNERS` file (the Prow format: plain lists, or per-file `filters`). */
export interface OwnersFile {
  /** Repository-relative folder the file sits in, e.g. `groups/sig-release`. */
  dir: string;
  noParentOwners: boolean;
  /** Approvers for every file in the folder (aliases not yet expanded). */
  approvers: string[];
  /** Per-file approvers: regex on the path relative to `dir` → approvers. */
  filters: { pattern: RegExp; approvers: string[]; noParentOwners: boolean }[];
}

export type OwnersAliases = ReadonlyMap<string, string[]>;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseOwnersFile(dir: string, text: string): OwnersFile {
  // Prow reads OWNERS with sigs.k8s.io/yaml (YAML 1.1).
  const doc: unknown = parseYaml11(text, 'go-yaml-v2', `${dir}/OWNERS`) ?? {};
  if (!isRecord(doc)) throw new Error(`${dir}/OWNERS: expected a mapping`);
  const options = isRecord(doc.options) ? doc.options : {};
  const filters: OwnersFile['filters'] = [];
  if (isRecord(doc.filters)) {
    for (const [pattern, body] of Object.entries(doc.filters)) {
      if (!isRecord(body)) continue;
      const opts = isRecord(body.options) ? body.options : {};
      filters.push({ pattern: new RegExp(pattern), approvers: stringList(body.approvers), noParentOwners: opts.no_parent_owners === true });
    }
  }
  return { dir, noParentOwners: options.no_parent_owners === true, approvers: stringList(doc.approvers), filters };
}

export function parseOwnersAliases(text: string | undefined): OwnersAliases {
  const aliases = new Map<string, string[]>();
  if (!text) return aliases;
  const doc: unknown = parseYaml11(text, 'go-yaml-v2', 'OWNERS_ALIASES');
  if (!isRecord(doc) || !isRecord(doc.aliases)) return aliases;
  for (const [name, members] of Object.entries(doc.aliases)) aliases.set(name.toLowerCase(), stringList(members));
  return aliases;
}

/** Handles are compared case-insensitively, as GitHub and Prow do; the first spelling seen is kept. */
function uniqueHandles(handles: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const h of handles) if (!seen.has(h.toLowerCase())) seen.set(h.toLowerCase(), h);
  return [...seen.values()];
}

function expandAliases(entries: readonly string[], aliases: OwnersAliases): string[] {
  return uniqueHandles(entries.flatMap((e) => aliases.get(e.toLowerCase()) ?? [e]));
}

export interface ApproversForFile {
  /** Everyone whose `/approve` Prow accepts for the file: the nearest OWNERS and its parents up to `no_parent_owners`. */
  approvers: string[];
  /** Approvers of the nearest OWNERS file alone (whom a PR should ask first). */
  nearestApprovers: string[];
  /** Repository-relative path of the nearest OWNERS file, if any. */
  ownersFile: string | undefined;
}

/**
 * Approvers of `filePath` following Prow's rules: walk from the file's folder up to the root,
 * collecting approvers of every OWNERS file on the way and stopping after one that says
 * `options: no_parent_owners: true`.
 */
export function approversForFile(filePath: string, ownersByDir: ReadonlyMap<string, OwnersFile>, aliases: OwnersAliases): ApproversForFile {
  const parts = filePath.split('/');
  parts.pop();
  const collected: string[] = [];
  let nearest: string[] | undefined;
  let ownersFile: string | undefined;
  for (let depth = parts.length; depth >= 0; depth--) {
    const dir = parts.slice(0, depth).join('/');
    const owners = ownersByDir.get(dir);
    if (!owners) continue;
    const relativePath = filePath.slice(dir === '' ? 0 : dir.length + 1);
    const matching = owners.filters.filter((f) => f.pattern.test(relativePath));
    const here = expandAliases([...owners.approvers, ...matching.flatMap((f) => f.approvers)], aliases);
    if (nearest === undefined && here.length > 0) {
      nearest = here;
      ownersFile = dir === '' ? 'OWNERS' : `${dir}/OWNERS`;
    }
    collected.push(...here);
    if (owners.noParentOwners || matching.some((f) => f.noParentOwners)) break;
  }
  return { approvers: uniqueHandles(collected), nearestApprovers: nearest ?? [], ownersFile };
}
