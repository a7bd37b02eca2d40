import { LineCounter, isMap, isScalar, isSeq } from 'yaml';
import { memberListLayout } from './member-list-layout.ts';
import { parseYaml11Document } from '../../core/yaml11.ts';
import { approversForFile, parseOwnersAliases, parseOwnersFile, type OwnersFile } from './owners-files.ts';
import { isGroupAllowedInFile, parseRestrictions, type Restriction } from './restrictions.ts';

/** A Google Group as defined in a `groups.yaml`, with who may approve changes to it. */
export interface CatalogGroup {
  emailId: string;
  name: string;
  description: string;
  settings: Readonly<Record<string, string>>;
  owners: readonly string[];
  managers: readonly string[];
  members: readonly string[];
  /** Repository-relative path of the defining file, e.g. `groups/sig-release/groups.yaml`. */
  file: string;
  /** 1-based line of the group's entry in `file`. */
  line: number;
  /** GitHub handles whose approval Prow accepts for `file` (aliases expanded). */
  approvers: readonly string[];
  /** Approvers of the nearest OWNERS file only. */
  nearestApprovers: readonly string[];
  ownersFile: string | undefined;
  /** Whether restrictions.yaml allows `file` to define this group (the repo's tests fail otherwise). */
  allowedByRestrictions: boolean;
  /** Titles of the `# comment` sections the members list is split into ('' for an untitled first part); empty when it has none. */
  memberSections: readonly { title: string; members: readonly string[] }[];
  /** Every member line carries a trailing `# note`: the request modal offers one. */
  membersCarryNotes: boolean;
}

export interface CatalogProblem {
  file: string;
  line?: number;
  message: string;
}

export interface BuildCatalogOptions {
  /** Folder holding the groups, relative to the repository root (default `groups`). */
  groupsPath?: string;
  revision?: string;
}

export class GroupCatalog {
  private readonly byEmail: Map<string, CatalogGroup>;
  constructor(
    readonly groups: readonly CatalogGroup[],
    readonly restrictions: readonly Restriction[],
    readonly problems: readonly CatalogProblem[],
    readonly groupsPath: string,
    readonly revision: string | undefined,
  ) {
    this.byEmail = new Map();
    for (const g of groups) if (!this.byEmail.has(g.emailId.toLowerCase())) this.byEmail.set(g.emailId.toLowerCase(), g);
  }

  /** A group by e-mail id (case-insensitive); a bare name is taken as `<name>@kubernetes.io` only if that exists. */
  find(emailIdOrName: string): CatalogGroup | undefined {
    const key = emailIdOrName.trim().toLowerCase();
    return this.byEmail.get(key) ?? (key.includes('@') ? undefined : this.groups.find((g) => g.name.toLowerCase() === key));
  }
}

/** A repository-relative folder without leading or trailing slashes (`/groups/` → `groups`). */
export function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v) => v !== null && v !== undefined).map((v) => String(v)) : [];
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The file name of a repository path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

interface ParsedGroup extends Omit<CatalogGroup, 'approvers' | 'nearestApprovers' | 'ownersFile' | 'allowedByRestrictions'> {}

/** Parses one groups.yaml; syntax or shape errors become problems, never exceptions. */
function parseGroupsFile(file: string, text: string): { groups: ParsedGroup[]; problems: CatalogProblem[] } {
  const lineCounter = new LineCounter();
  // Read as the repository's Go tooling reads it (sigs.k8s.io/yaml over yaml.v2: YAML 1.1).
  const doc = parseYaml11Document(text, { dialect: 'go-yaml-v2', lineCounter });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return { groups: [], problems: doc.errors.map((e) => ({ file, line: lineOf(e.pos[0]), message: `YAML syntax: ${e.message.split('\n')[0]}` })) };
  }
  const root = doc.contents;
  if (root === null) return { groups: [], problems: [] };
  const seq = isMap(root) ? root.get('groups', true) : undefined;
  if (seq === undefined || seq === null) return { groups: [], problems: [] };
  if (!isSeq(seq)) return { groups: [], problems: [{ file, line: lineOf(root.range?.[0]), message: '`groups` is not a list' }] };
  const groups: ParsedGroup[] = [];
  const problems: CatalogProblem[] = [];
  for (const item of seq.items) {
    const line = lineOf((item as { range?: [number] } | null)?.range?.[0]);
    if (!isMap(item)) {
      problems.push({ file, line, message: 'a `groups` entry is not a mapping' });
      continue;
    }
    const js = item.toJSON() as Record<string, unknown>;
    const emailId = typeof js['email-id'] === 'string' ? js['email-id'].trim() : '';
    if (!emailId) {
      problems.push({ file, line, message: 'group without `email-id`' });
      continue;
    }
    const membersSeq = item.get('members', true);
    const layout = isSeq(membersSeq) && !membersSeq.flow && membersSeq.items.length > 0 && membersSeq.items.every(isScalar) ? memberListLayout(text, membersSeq) : undefined;
    const settings: Record<string, string> = {};
    if (js.settings && typeof js.settings === 'object') {
      for (const [k, v] of Object.entries(js.settings as Record<string, unknown>)) settings[k] = String(v);
    }
    groups.push({
      emailId,
      name: typeof js.name === 'string' ? js.name : emailId.split('@')[0]!,
      description: typeof js.description === 'string' ? js.description : '',
      settings,
      owners: stringList(js.owners),
      managers: stringList(js.managers),
      members: stringList(js.members),
      file,
      line,
      memberSections: layout && layout.sections.length > 1 ? layout.sections.map((s) => ({ title: s.title ?? '', members: s.entries.map((e) => e.value) })) : [],
      membersCarryNotes: layout?.everyLineHasNote ?? false,
    });
  }
  return { groups, problems };
}

/**
 * Builds the catalog from repository files (path → text): every `groups.yaml` under the groups
 * folder, its `restrictions.yaml`, every `OWNERS` on the way up, and the root `OWNERS_ALIASES`.
 * Pure: the caller fetched the files.
 */
export function buildGroupCatalog(files: ReadonlyMap<string, string>, options: BuildCatalogOptions = {}): GroupCatalog {
  const groupsPath = trimSlashes(options.groupsPath ?? 'groups');
  const prefix = groupsPath === '' ? '' : `${groupsPath}/`;
  const problems: CatalogProblem[] = [];

  const ownersByDir = new Map<string, OwnersFile>();
  for (const [path, text] of files) {
    if (baseName(path) !== 'OWNERS') continue;
    try {
      ownersByDir.set(dirOf(path), parseOwnersFile(dirOf(path), text));
    } catch (err) {
      problems.push({ file: path, message: (err as Error).message });
    }
  }
  let aliases = parseOwnersAliases(undefined);
  try {
    aliases = parseOwnersAliases(files.get('OWNERS_ALIASES'));
  } catch (err) {
    problems.push({ file: 'OWNERS_ALIASES', message: (err as Error).message });
  }

  let restrictions: Restriction[] = [];
  const restrictionsFile = `${prefix}restrictions.yaml`;
  const restrictionsText = files.get(restrictionsFile);
  if (restrictionsText === undefined) problems.push({ file: restrictionsFile, message: 'missing; every group counts as not allowed' });
  else {
    try {
      restrictions = parseRestrictions(restrictionsText);
    } catch (err) {
      problems.push({ file: restrictionsFile, message: (err as Error).message });
    }
  }

  const groups: CatalogGroup[] = [];
  const firstDefinition = new Map<string, string>();
  const groupFiles = [...files.keys()].filter((p) => p.startsWith(prefix) && baseName(p) === 'groups.yaml').sort();
  for (const file of groupFiles) {
    const parsed = parseGroupsFile(file, files.get(file)!);
    problems.push(...parsed.problems);
    const owners = approversForFile(file, ownersByDir, aliases);
    for (const g of parsed.groups) {
      const key = g.emailId.toLowerCase();
      const earlier = firstDefinition.get(key);
      if (earlier !== undefined) {
        problems.push({ file, line: g.line, message: `group ${g.emailId} is already defined in ${earlier}` });
        continue;
      }
      firstDefinition.set(key, file);
      groups.push({
        ...g,
        approvers: owners.approvers,
        nearestApprovers: owners.nearestApprovers,
        ownersFile: owners.ownersFile,
        allowedByRestrictions: isGroupAllowedInFile(restrictions, file.slice(prefix.length), g.emailId),
      });
    }
  }
  return new GroupCatalog(groups, restrictions, problems, groupsPath, options.revision);
}
