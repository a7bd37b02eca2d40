import { parseYaml11Document } from '../../core/yaml11.ts';
import { isMap, isScalar, isSeq, type Document, type YAMLMap, type Pair, type Scalar, type YAMLSeq } from 'yaml';

/**
 * Minimal, format-preserving edits of a `groups.yaml`: the `yaml` library only locates the
 * group's `members` list (node offsets); the change is a splice of one line into the original
 * text, so comments, key order, quoting and indentation stay exactly as they were.
 */

export type GroupsYamlEditErrorCode = 'unparseable' | 'group-not-found' | 'already-member' | 'not-a-member' | 'unsupported-layout';

export class GroupsYamlEditError extends Error {
  constructor(
    readonly code: GroupsYamlEditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GroupsYamlEditError';
  }
}

export interface MemberEdit {
  /** The whole new file text. */
  text: string;
  /** 1-based line number of the added line in the new text, or of the removed line in the old text. */
  line: number;
  /** The exact line added or removed, without its line break. */
  lineText: string;
}

/**
 * The order the real files use: case-insensitive (`Security@Ubuntu.com` sits between
 * `security@rancher.com` and `security@vmware.com`, `Ritazh@` after `khnidk@`), byte order
 * otherwise; exact case only breaks ties.
 */
export function compareMemberAddresses(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where to insert `value` so the list's existing order is disturbed least: the position with the
 * fewest new out-of-order pairs. For a sorted list that is its sorted position; for the many
 * partly sorted lists in k8s.io (e.g. a group address pinned first, then people sorted) it is
 * still the place a person would pick. Ties go to a position whose neighbours are in order, then
 * to the earliest.
 */
export function memberInsertionIndex(existing: readonly string[], value: string): number {
  const n = existing.length;
  // greaterBefore[p]: items before p that sort after value; lessFrom[p]: items from p on that sort before it.
  const greaterBefore = new Array<number>(n + 1).fill(0);
  const lessFrom = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) greaterBefore[i + 1] = greaterBefore[i]! + (compareMemberAddresses(existing[i]!, value) > 0 ? 1 : 0);
  for (let i = n - 1; i >= 0; i--) lessFrom[i] = lessFrom[i + 1]! + (compareMemberAddresses(existing[i]!, value) < 0 ? 1 : 0);
  let best = 0;
  let bestCost = Infinity;
  for (let p = 0; p <= n; p++) {
    const inversions = greaterBefore[p]! + lessFrom[p]!;
    const prevOk = p === 0 || compareMemberAddresses(existing[p - 1]!, value) <= 0;
    const nextOk = p === n || compareMemberAddresses(value, existing[p]!) <= 0;
    const cost = inversions * 2 + (prevOk && nextOk ? 0 : 1);
    if (cost < bestCost) {
      bestCost = cost;
      best = p;
    }
  }
  return best;
}

interface Located {
  doc: Document;
  group: YAMLMap;
  membersPair: Pair | undefined;
}

function parseGroupsYaml(text: string): Document {
  const doc = parseYaml11Document(text, { dialect: 'go-yaml-v2' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new GroupsYamlEditError('unparseable', `groups.yaml is not valid YAML (${e.message.split('\n')[0]})`);
  }
  return doc;
}

function locateGroup(text: string, groupEmailId: string): Located {
  const doc = parseGroupsYaml(text);
  const root = doc.contents;
  const groups = isMap(root) ? root.get('groups', true) : undefined;
  if (!isSeq(groups)) throw new GroupsYamlEditError('unparseable', 'groups.yaml has no `groups:` list');
  const wanted = groupEmailId.trim().toLowerCase();
  for (const item of groups.items) {
    if (!isMap(item)) continue;
    const id = item.get('email-id');
    if (typeof id === 'string' && id.trim().toLowerCase() === wanted) {
      const membersPair = item.items.find((p) => isScalar(p.key) && p.key.value === 'members');
      return { doc, group: item, membersPair };
    }
  }
  throw new GroupsYamlEditError('group-not-found', `group ${groupEmailId} is not defined in this file`);
}

function listOf(group: YAMLMap, key: string): string[] {
  const v = group.get(key, true);
  return isSeq(v) ? v.items.filter(isScalar).map((s) => String(s.value)) : [];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break ending the line that holds `offset` (text length at EOF). */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function lineNumberAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Renders the address as the neighbour is written: same quotes, plain when it needs none. */
function renderScalar(value: string, like: Scalar | undefined): string {
  const plainSafe = /^[A-Za-z0-9][A-Za-z0-9._%+\-@]*$/.test(value);
  if (like?.type === 'QUOTE_DOUBLE' || !plainSafe) return JSON.stringify(value);
  if (like?.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function scalarItems(seq: YAMLSeq): Scalar[] {
  if (seq.flow) throw new GroupsYamlEditError('unsupported-layout', 'the members list is written inline ([a, b]); edit it by hand');
  const items = seq.items;
  if (!items.every(isScalar)) throw new GroupsYamlEditError('unsupported-layout', 'the members list holds something other than plain addresses');
  return items as Scalar[];
}

/** Text from the start of the item's line to its value: indentation and `- `. */
function itemPrefix(text: string, item: Scalar): string {
  const start = item.range![0];
  const prefix = text.slice(lineStart(text, start), start);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) throw new GroupsYamlEditError('unsupported-layout', 'a members entry does not sit on its own `- ` line');
  return prefix;
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Adds `memberEmail` to the group's `members`, as one new line in the position the list's order calls for. */
export function addGroupMember(text: string, groupEmailId: string, memberEmail: string): MemberEdit {
  const email = memberEmail.trim();
  const { group, membersPair } = locateGroup(text, groupEmailId);
  for (const role of ['members', 'managers', 'owners'] as const) {
    if (listOf(group, role).some((m) => sameEmail(m, email))) {
      const as = role === 'members' ? 'a member' : role === 'managers' ? 'a manager' : 'an owner';
      throw new GroupsYamlEditError('already-member', `${email} is already ${as} of ${groupEmailId}`);
    }
  }
  const eol = eolOf(text);
  const value = membersPair?.value;

  if (isSeq(value) && value.items.length > 0) {
    const items = scalarItems(value);
    const index = memberInsertionIndex(items.map((s) => String(s.value)), email);
    let at: number;
    let neighbour: Scalar;
    if (index < items.length) {
      neighbour = items[index]!;
      at = lineStart(text, neighbour.range![0]);
      // Comment lines directly above an entry belong to it: insert above them.
      const indent = itemPrefix(text, neighbour).replace(/-.*$/, '');
      while (at > 0) {
        const prev = lineStart(text, at - 1);
        const line = text.slice(prev, at).replace(/\r?\n$/, '');
        if (line.startsWith(indent) && /^[ \t]*#/.test(line)) at = prev;
        else break;
      }
      // Never climb above the first entry's own line (comments there belong to `members:`).
      const first = lineStart(text, items[0]!.range![0]);
      if (index === 0) at = Math.max(at, first);
    } else {
      neighbour = items[items.length - 1]!;
      at = nextLineStart(text, neighbour.range![0]);
    }
    const newLine = `${itemPrefix(text, neighbour)}${renderScalar(email, neighbour)}`;
    const needsBreakBefore = at === text.length && !text.endsWith('\n');
    const inserted = `${needsBreakBefore ? eol : ''}${newLine}${needsBreakBefore ? '' : eol}`;
    const out = text.slice(0, at) + inserted + text.slice(at);
    return { text: out, line: lineNumberAt(out, at + (needsBreakBefore ? eol.length : 0)), lineText: newLine };
  }

  if (isSeq(value) && value.flow) throw new GroupsYamlEditError('unsupported-layout', 'the members list is written inline ([]); edit it by hand');

  // `members:` present but empty, or missing: indent like the group's other lists.
  const keyColumn = columnOf(text, group.items[0]!.key as Scalar);
  const dashIndent = siblingListIndent(text, group) ?? ' '.repeat(keyColumn + 2);
  const itemLine = `${dashIndent}- ${renderScalar(email, undefined)}`;
  if (membersPair && isScalar(value) && (value.value === null || value.value === undefined)) {
    const keyNode = membersPair.key as Scalar;
    const at = nextLineStart(text, keyNode.range![0]);
    const needsBreakBefore = at === text.length && !text.endsWith('\n');
    const out = text.slice(0, at) + (needsBreakBefore ? eol : '') + itemLine + (needsBreakBefore ? '' : eol) + text.slice(at);
    return { text: out, line: lineNumberAt(out, at + (needsBreakBefore ? eol.length : 0)), lineText: itemLine };
  }
  if (membersPair) throw new GroupsYamlEditError('unsupported-layout', '`members` is not a list');

  // No `members:` key yet (e.g. a group with only owners): add the key and the entry after the group's last line.
  const lastPair = group.items[group.items.length - 1]!;
  const lastNode = (lastPair.value ?? lastPair.key) as Scalar;
  let end = lastNode.range![1];
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  const at = nextLineStart(text, end);
  const keyLine = `${' '.repeat(keyColumn)}members:`;
  const needsBreakBefore = at === text.length && !text.endsWith('\n');
  const block = `${needsBreakBefore ? eol : ''}${keyLine}${eol}${itemLine}${needsBreakBefore ? '' : eol}`;
  const out = text.slice(0, at) + block + text.slice(at);
  return { text: out, line: lineNumberAt(out, at + (needsBreakBefore ? eol.length : 0)) + 1, lineText: itemLine };
}

function columnOf(text: string, node: Scalar): number {
  const start = node.range![0];
  return start - lineStart(text, start);
}

function siblingListIndent(text: string, group: YAMLMap): string | undefined {
  for (const key of ['owners', 'managers']) {
    const seq = group.get(key, true);
    if (isSeq(seq) && !seq.flow && seq.items.length > 0 && isScalar(seq.items[0])) {
      const prefix = text.slice(lineStart(text, (seq.items[0] as Scalar).range![0]), (seq.items[0] as Scalar).range![0]);
      const m = /^([ \t]*)-[ \t]+$/.exec(prefix);
      if (m) return m[1];
    }
  }
  return undefined;
}

/** Removes `memberEmail`'s line from the group's `members` (and the `members:` key if the list becomes empty). */
export function removeGroupMember(text: string, groupEmailId: string, memberEmail: string): MemberEdit {
  const { membersPair } = locateGroup(text, groupEmailId);
  const value = membersPair?.value;
  const items = isSeq(value) ? scalarItems(value) : [];
  const item = items.find((s) => sameEmail(String(s.value), memberEmail));
  if (!item) throw new GroupsYamlEditError('not-a-member', `${memberEmail.trim()} is not a member of ${groupEmailId}`);
  itemPrefix(text, item);
  let from = lineStart(text, item.range![0]);
  let to = nextLineStart(text, item.range![0]);
  const lineText = text.slice(from, to).replace(/\r?\n$/, '');
  const line = lineNumberAt(text, from);
  if (items.length === 1) {
    const keyNode = membersPair!.key as Scalar;
    const keyLineStart = lineStart(text, keyNode.range![0]);
    const keyLine = text.slice(keyLineStart, nextLineStart(text, keyNode.range![0])).replace(/\r?\n$/, '');
    const onlyKey = /^[ \t]*members:[ \t]*$/.test(keyLine);
    const between = text.slice(nextLineStart(text, keyNode.range![0]), from);
    if (onlyKey && between.trim() === '') from = keyLineStart;
  }
  if (to === text.length && !text.endsWith('\n') && from > 0) {
    // Last line without a break: drop the break before it instead.
    to = text.length;
    from = Math.max(0, from - eolOf(text).length);
  }
  return { text: text.slice(0, from) + text.slice(to), line, lineText };
}

/** Parsed members of a group in a groups.yaml text (for checks after an edit). */
export function membersOf(text: string, groupEmailId: string): string[] {
  const { group } = locateGroup(text, groupEmailId);
  return listOf(group, 'members');
}
