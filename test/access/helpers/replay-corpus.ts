import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { parseYaml11Document } from '../../../src/core/yaml11.ts';
import { addGroupMember, removeGroupMember } from '../../../src/access/domain/edit-group-members.ts';
import { listConvention, memberListLayout, pinnedCount, type MemberListLayout } from '../../../src/access/domain/member-list-layout.ts';
import { K8S_IO_CHECKOUT, readK8sIo } from './fixtures.ts';
import { parsePatch, reverseApply } from './unified-diff.ts';

/**
 * The access replay: real one-line additions to a groups.yaml, each replayed with the bot's own
 * edit function (default choices) on the file before it, compared byte for byte with what the
 * person wrote. Two sources:
 * - `history`: the real kubernetes/k8s.io commits in test/fixtures/k8s.io/sample-prs;
 * - `leave-one-out`: every member line of every real groups.yaml in test/fixtures/k8s.io
 *   (kubernetes/k8s.io @ aba208c7), taken out and added back; the file as its people wrote it
 *   is the expected result. For a list in join order only its last line is replayed (a middle
 *   line was not the latest addition, so "append" is right for the list but not for that line).
 */
export interface ReplayCase {
  source: 'history' | 'leave-one-out';
  name: string;
  file: string;
  group: string;
  email: string;
  before: string;
  after: string;
  /** The trailing `# note` the person wrote on the added line, if any. */
  note: string | undefined;
  /** Index of the comment section the person put it in (in `before`'s layout terms). */
  section: number;
  kind: string;
}

export interface ReplayResult extends ReplayCase {
  /** The bot's default placement gave exactly the person's file. */
  identical: boolean;
  /** The bot's default put the line into another comment section than the person's. */
  crossedSection: boolean;
  /** With the person's section (and note) chosen, the result is identical. */
  identicalWithChoices: boolean;
  /** With the person's section chosen, the line landed in another one (must never happen). */
  crossedChosenSection: boolean;
}

function groupsWithMembers(text: string): { emailId: string; layout: MemberListLayout }[] {
  const doc = parseYaml11Document(text, { dialect: 'go-yaml-v2' });
  const root = doc.contents;
  const groups = isMap(root) ? root.get('groups', true) : undefined;
  if (!isSeq(groups)) return [];
  const out: { emailId: string; layout: MemberListLayout }[] = [];
  for (const g of groups.items) {
    if (!isMap(g)) continue;
    const members = g.get('members', true);
    const id = g.get('email-id');
    if (typeof id !== 'string' || !isSeq(members) || members.flow || members.items.length === 0 || !members.items.every(isScalar)) continue;
    out.push({ emailId: id, layout: memberListLayout(text, members) });
  }
  return out;
}

function sectionOf(layout: MemberListLayout, email: string): number {
  return layout.sections.findIndex((s) => s.entries.some((e) => e.value.toLowerCase() === email.toLowerCase()));
}

function kindOf(layout: MemberListLayout, values: string[]): string {
  const parts: string[] = [];
  if (layout.sections.length > 1) parts.push('sectioned');
  if (pinnedCount(values) > 0) parts.push('pinned');
  if (layout.everyLineHasNote) parts.push('notes');
  parts.push(listConvention(values.slice(pinnedCount(values))));
  return parts.join('+');
}

/** A case from a before/after pair that differ by one added member line. */
function caseFrom(source: ReplayCase['source'], name: string, file: string, before: string, after: string): ReplayCase {
  const beforeGroups = new Map(groupsWithMembers(before).map((g) => [g.emailId, g.layout]));
  for (const g of groupsWithMembers(after)) {
    const old = beforeGroups.get(g.emailId);
    const oldValues = new Set((old?.sections.flatMap((s) => s.entries) ?? []).map((e) => e.value.toLowerCase()));
    const added = g.layout.sections.flatMap((s) => s.entries).filter((e) => !oldValues.has(e.value.toLowerCase()));
    if (added.length !== 1 || !old) continue;
    const entry = added[0]!;
    const section = sectionOf(g.layout, entry.value);
    const values = old.sections[Math.min(section, old.sections.length - 1)]!.entries.map((e) => e.value);
    return { source, name, file, group: g.emailId, email: entry.value, before, after, note: entry.note, section, kind: kindOf(old, values) };
  }
  throw new Error(`${name}: no single added member line found`);
}

/** The real commits: the `.patch` files (rebuilt from the later fixture) and the whole-file `.diff`s. */
export function historyCases(): ReplayCase[] {
  const dir = join(K8S_IO_CHECKOUT, 'sample-prs');
  const cases: ReplayCase[] = [];
  for (const name of readdirSync(dir).filter((f) => f.startsWith('access-request-')).sort()) {
    const diff = parsePatch(readFileSync(join(dir, name), 'utf8')).find((d) => d.newPath.startsWith('groups/'))!;
    let before: string;
    let after: string;
    if (name.endsWith('.patch')) {
      after = readK8sIo(diff.newPath);
      before = reverseApply(after, diff);
    } else {
      const lines = diff.hunks.flatMap((h) => h.lines);
      before = `${lines.filter((l) => l.op !== '+').map((l) => l.text).join('\n')}\n`;
      after = `${lines.filter((l) => l.op !== '-').map((l) => l.text).join('\n')}\n`;
    }
    cases.push(caseFrom('history', name.replace(/\.(patch|diff)$/, ''), diff.newPath, before, after));
  }
  return cases;
}

/** Every member line of the real groups.yaml files, taken out and added back. */
export function leaveOneOutCases(): ReplayCase[] {
  const cases: ReplayCase[] = [];
  const root = join(K8S_IO_CHECKOUT, 'groups');
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === 'groups.yaml');
  for (const e of files.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const full = join(e.parentPath, e.name);
    const file = relative(K8S_IO_CHECKOUT, full).split(sep).join('/');
    const after = readFileSync(full, 'utf8');
    for (const g of groupsWithMembers(after)) {
      for (const [s, section] of g.layout.sections.entries()) {
        // A section of one line would vanish with it: its header would then title the next one.
        if (section.entries.length < 2) continue;
        const values = section.entries.map((x) => x.value);
        for (const [i, entry] of section.entries.entries()) {
          const rest = values.filter((_, j) => j !== i);
          const convention = listConvention(rest.slice(pinnedCount(rest)));
          if (convention === 'join-order' && i !== section.entries.length - 1) continue;
          const before = removeGroupMember(after, g.emailId, entry.value).text;
          cases.push({ source: 'leave-one-out', name: `${file} ${g.emailId} ${entry.value}`, file, group: g.emailId, email: entry.value, before, after, note: entry.note, section: s, kind: kindOf(g.layout, rest) });
        }
      }
    }
  }
  return cases;
}

export function replay(c: ReplayCase): ReplayResult {
  const byDefault = addGroupMember(c.before, c.group, c.email);
  const placedIn = sectionOf(groupLayout(byDefault.text, c.group), c.email);
  const chosen = addGroupMember(c.before, c.group, c.email, { section: c.section, note: c.note });
  const chosenIn = sectionOf(groupLayout(chosen.text, c.group), c.email);
  return { ...c, identical: byDefault.text === c.after, crossedSection: placedIn !== c.section, identicalWithChoices: chosen.text === c.after, crossedChosenSection: chosenIn !== c.section };
}

function groupLayout(text: string, group: string): MemberListLayout {
  return groupsWithMembers(text).find((g) => g.emailId === group)!.layout;
}

export interface ReplayTable {
  rows: { source: string; kind: string; cases: number; identical: number; crossed: number; identicalWithChoices: number }[];
  /** The figure the issue asks for: additions without a trailing comment, byte-identical by default. */
  figure: (source: ReplayCase['source']) => { identical: number; of: number };
}

export function replayTable(results: readonly ReplayResult[]): ReplayTable {
  const key = (r: ReplayResult) => `${r.source}\u0000${r.kind}`;
  const groups = new Map<string, ReplayResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  const rows = [...groups.entries()]
    .map(([k, rs]) => {
      const [source, kind] = k.split('\u0000') as [string, string];
      return { source, kind, cases: rs.length, identical: rs.filter((r) => r.identical).length, crossed: rs.filter((r) => r.crossedSection).length, identicalWithChoices: rs.filter((r) => r.identicalWithChoices).length };
    })
    .sort((a, b) => a.source.localeCompare(b.source) || b.cases - a.cases);
  return {
    rows,
    figure: (source) => {
      const plain = results.filter((r) => r.source === source && r.note === undefined);
      return { identical: plain.filter((r) => r.identical).length, of: plain.length };
    },
  };
}
