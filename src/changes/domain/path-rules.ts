import type { RuleMatch } from './change.ts';
import { maxTier, type Tier } from './tier.ts';
import { asGoString, goStringList, isMapping, parseYaml11 } from './yaml11.ts';

/** A rule of `changes.pathRules`: files it covers, the tier it suggests, and an optional condition on their content. */
export interface PathRule {
  name: string;
  paths: readonly string[];
  tier: Tier;
  recordTypes?: readonly string[] | undefined;
  groupMembership?: string | undefined;
  newGroup?: string | undefined;
}

/** A file a pull request changes, with its content before and after when the rule needs it. */
export interface ChangedFile {
  path: string;
  /** For a rename, the old path (a rule matches either). */
  previousPath?: string | undefined;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  /** Undefined: absent on that side (added or removed), or not read. */
  before?: string | undefined;
  after?: string | undefined;
  /** Why the content could not be read; the rule then applies, to be safe. */
  unreadable?: string | undefined;
}

/** `*` stays within a folder, `**` crosses folders (`a/**\/b` also matches `a/b`), `?` is one character. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

export function needsContent(rule: PathRule): boolean {
  return rule.recordTypes !== undefined || rule.groupMembership !== undefined || rule.newGroup !== undefined;
}

export function ruleCovers(rule: PathRule, file: Pick<ChangedFile, 'path' | 'previousPath'>): boolean {
  return rule.paths.some((g) => {
    const re = globToRegExp(g);
    return re.test(file.path) || (file.previousPath !== undefined && re.test(file.previousPath));
  });
}

type Side = 'before' | 'after';

function parseSide(file: ChangedFile, side: Side): unknown {
  const text = file[side];
  if (text === undefined) return undefined;
  return parseYaml11(text);
}

/** octodns: name → its records (a record, or a list of them); each normalised for comparison. */
function zoneRecords(doc: unknown, types: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMapping(doc)) return out;
  for (const [name, value] of Object.entries(doc)) {
    const records = (Array.isArray(value) ? value : [value]).filter(isMapping);
    const picked = records
      .filter((r) => types.includes(String(asGoString(r.type) ?? '').toUpperCase()))
      .map((r) => JSON.stringify({ type: String(asGoString(r.type)).toUpperCase(), ttl: r.ttl ?? null, value: r.value ?? null, values: r.values ?? null }))
      .sort();
    if (picked.length) out.set(name, picked.join('\n'));
  }
  return out;
}

/** groups.yaml: email-id → its membership (members, managers, owners), normalised. */
function groupMemberships(doc: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isMapping(doc) || !Array.isArray(doc.groups)) return out;
  for (const g of doc.groups) {
    if (!isMapping(g)) continue;
    const id = asGoString(g['email-id']);
    if (!id) continue;
    const list = (k: string) => goStringList(g[k]).map((m) => m.toLowerCase()).sort();
    out.set(id.toLowerCase(), JSON.stringify({ members: list('members'), managers: list('managers'), owners: list('owners') }));
  }
  return out;
}

function changedKeys(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** Why the rule's condition holds for the file, or undefined when it does not. */
function conditionHolds(rule: PathRule, file: ChangedFile): string | undefined {
  if (!needsContent(rule)) return file.status === 'removed' ? 'removed' : file.status;
  if (file.unreadable) return `could not read the file (${file.unreadable}), so the rule applies to be safe`;
  let before: unknown;
  let after: unknown;
  try {
    before = parseSide(file, 'before');
    after = parseSide(file, 'after');
  } catch (err) {
    return `not valid YAML (${(err instanceof Error ? err.message : String(err)).split('\n')[0]}), so the rule applies to be safe`;
  }
  if (rule.recordTypes) {
    const names = changedKeys(zoneRecords(before, rule.recordTypes), zoneRecords(after, rule.recordTypes));
    return names.length ? `${rule.recordTypes.join('/')} records of ${names.map((n) => (n === '' ? '(apex)' : n)).join(', ')}` : undefined;
  }
  const was = groupMemberships(before);
  const now = groupMemberships(after);
  if (rule.groupMembership) {
    const re = new RegExp(rule.groupMembership, 'i');
    const groups = changedKeys(was, now).filter((g) => re.test(g));
    return groups.length ? `membership of ${groups.join(', ')}` : undefined;
  }
  if (rule.newGroup) {
    const re = new RegExp(rule.newGroup, 'i');
    const added = [...now.keys()].filter((g) => !was.has(g) && re.test(g)).sort();
    return added.length ? `new group ${added.join(', ')}` : undefined;
  }
  return undefined;
}

/** Every rule that applies to the changed files, and the tier they suggest (the highest; low when none). */
export function matchPathRules(files: readonly ChangedFile[], rules: readonly PathRule[]): { matches: RuleMatch[]; pathTier: Tier } {
  const matches: RuleMatch[] = [];
  for (const rule of rules) {
    for (const file of files) {
      if (!ruleCovers(rule, file)) continue;
      const detail = conditionHolds(rule, file);
      if (detail !== undefined) matches.push({ rule: rule.name, tier: rule.tier, path: file.path, detail });
    }
  }
  return { matches, pathTier: maxTier(...matches.map((m) => m.tier)) };
}
