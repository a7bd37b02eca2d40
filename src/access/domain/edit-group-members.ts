import { parseYaml11Document } from '../../core/yaml11.ts';
import { defaultSectionIndex, memberListLayout, positionInSection, type MemberListLayout } from './member-list-layout.ts';
import { isMap, isScalar, isSeq, type Document, type YAMLMap, type Pair, type Scalar, type YAMLSeq } from 'yaml';

/**
 * Minimal, format-preserving edits of a `groups.yaml`: the `yaml` library only locates the
 * group's `members` list (node offsets); the change is a splice of one line into the original
 * text, so comments, key order, quoting and indentation stay exactly as they were.
 */

export type GroupsYamlEditErrorCode = 'unparseable' | 'group-not-found' | 'already-member' | 'not-a-member' | 'unsupported-layout' | 'section-not-found' | 'rule-violation';

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

export { compareMemberAddresses, memberInsertionIndex } from './member-list-layout.ts';

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

/** Where a new line goes: a comment section (index or title; default by affiliation, else the last) and an optional note. */
export interface MemberPlacement {
  section?: number | string | undefined;
  note?: string | undefined;
}

/** The layout of a group's `members:` list in a groups.yaml text (sections, notes), or undefined when it has no block list. */
export function groupMemberLayout(text: string, groupEmailId: string): MemberListLayout | undefined {
  const { membersPair } = locateGroup(text, groupEmailId);
  const value = membersPair?.value;
  if (!isSeq(value) || value.flow || value.items.length === 0 || !value.items.every(isScalar)) return undefined;
  return memberListLayout(text, value);
}

function sectionIndex(layout: MemberListLayout, placement: MemberPlacement, email: string): number {
  const wanted = placement.section;
  if (wanted === undefined) return defaultSectionIndex(layout.sections, email);
  const index = typeof wanted === 'number' ? wanted : layout.sections.findIndex((s) => (s.title ?? '') === wanted);
  if (index < 0 || index >= layout.sections.length) {
    // Never put the line into another section than the one chosen: the section says what the membership means.
    throw new GroupsYamlEditError('section-not-found', `the members list has no section ${JSON.stringify(wanted)} any more; add the line by hand`);
  }
  return index;
}

/**
 * Adds `memberEmail` to the group's `members`, as one new line placed the way the list is kept:
 * in the chosen comment section, after the pinned group addresses, sorted into a sorted list and
 * appended to one kept in join order, with a `# note` written like the others.
 */
export function addGroupMember(text: string, groupEmailId: string, memberEmail: string, placement: MemberPlacement = {}): MemberEdit {
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
  const note = placement.note?.replace(/\s+/g, ' ').trim();

  if (isSeq(value) && value.items.length > 0) {
    scalarItems(value);
    const layout = memberListLayout(text, value);
    const s = sectionIndex(layout, placement, email);
    const entries = layout.sections[s]!.entries;
    const index = positionInSection(entries.map((e) => e.value), email);
    const neighbour = (entries[index] ?? entries[index - 1])!;
    const at = index < entries.length ? entries[index]!.lineStart : entries[index - 1]!.lineEnd;
    const newLine = `${itemPrefix(text, neighbour.scalar)}${renderScalar(email, neighbour.scalar)}${note ? `${layout.noteSeparator}${note}` : ''}`;
    const needsBreakBefore = at === text.length && !text.endsWith('\n');
    const inserted = `${needsBreakBefore ? eol : ''}${newLine}${needsBreakBefore ? '' : eol}`;
    const out = text.slice(0, at) + inserted + text.slice(at);
    return { text: out, line: lineNumberAt(out, at + (needsBreakBefore ? eol.length : 0)), lineText: newLine };
  }

  if (isSeq(value) && value.flow) throw new GroupsYamlEditError('unsupported-layout', 'the members list is written inline ([]); edit it by hand');

  // `members:` present but empty, or missing: indent like the group's other lists.
  const keyColumn = columnOf(text, group.items[0]!.key as Scalar);
  const dashIndent = siblingListIndent(text, group) ?? ' '.repeat(keyColumn + 2);
  const itemLine = `${dashIndent}- ${renderScalar(email, undefined)}${note ? ` # ${note}` : ''}`;
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
