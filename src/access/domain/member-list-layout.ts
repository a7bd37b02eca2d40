import { isScalar, type Scalar, type YAMLSeq } from 'yaml';

/**
 * How a person has laid out one `members:` list, read from the file's text: its comment
 * sections (`# sig-scalability leads`), the group addresses pinned at the top of a section,
 * whether each section is kept sorted or in join order, and whether every line carries a note
 * (`- someone@example.org # 1.21 Emeritus Advisor`). The edit follows what it finds. Pure.
 */

export interface MemberEntry {
  value: string;
  /** Offset of the start of the entry's line, and of the line after it. */
  lineStart: number;
  lineEnd: number;
  /** The `# note` after the address, without `#`, if any. */
  note: string | undefined;
  scalar: Scalar;
}

export interface MemberSection {
  /** The first line of the comment block that opens the section (`sig-scalability leads`); none for a list without a header. */
  title: string | undefined;
  entries: MemberEntry[];
}

export interface MemberListLayout {
  sections: MemberSection[];
  /** Every person's entry carries a trailing `# note` (pinned group addresses aside): a new line should too. */
  everyLineHasNote: boolean;
  /** What separates an address from its note in this list (`' # '` mostly). */
  noteSeparator: string;
}

export type ListConvention = 'sorted' | 'mostly-sorted' | 'join-order';

/**
 * The order the real files use: case-insensitive (`Security@Ubuntu.com` sits between
 * `security@rancher.com` and `security@vmware.com`), byte order otherwise; exact case only breaks ties.
 */
export function compareMemberAddresses(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function lineAt(text: string, start: number): string {
  return text.slice(start, nextLineStart(text, start)).replace(/\r?\n$/, '');
}

const NOTE = /^(\s+#\s?)(.*)$/;

/** The layout of a block `members:` sequence of plain scalars (the caller checked that). */
export function memberListLayout(text: string, seq: YAMLSeq): MemberListLayout {
  const items = seq.items.filter(isScalar) as Scalar[];
  const sections: MemberSection[] = [];
  const separators = new Map<string, number>();
  let previousEnd = items.length > 0 ? lineStartOf(text, items[0]!.range![0]) : 0;
  for (const [i, scalar] of items.entries()) {
    const lineStart = lineStartOf(text, scalar.range![0]);
    const lineEnd = nextLineStart(text, scalar.range![0]);
    // Comment lines between the previous entry and this one open a section; above the first
    // entry they title the first one (they are read from `members:` down).
    const from = i === 0 ? headerStart(text, lineStart) : previousEnd;
    const comments: string[] = [];
    for (let at = from; at < lineStart; at = nextLineStart(text, at)) {
      const line = lineAt(text, at).trim();
      if (line.startsWith('#')) comments.push(line.replace(/^#+\s*/, ''));
    }
    if (i === 0 || comments.length > 0) sections.push({ title: comments.find((c) => c !== '') ?? (comments.length > 0 ? '' : undefined), entries: [] });
    const rest = text.slice(scalar.range![1], lineEnd).replace(/\r?\n$/, '');
    const note = NOTE.exec(rest);
    if (note) separators.set(note[1]!, (separators.get(note[1]!) ?? 0) + 1);
    sections.at(-1)!.entries.push({ value: String(scalar.value), lineStart, lineEnd, note: note ? note[2]! : undefined, scalar });
    previousEnd = lineEnd;
  }
  const entries = sections.flatMap((s) => s.entries);
  const separator = [...separators.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ' # ';
  // Pinned group addresses carry no note in the real lists (`- sig-release-leads@kubernetes.io`, then people with `# 1.23 …`).
  const people = entries.filter((e) => !isGroupAddress(e.value));
  return { sections, everyLineHasNote: people.length > 0 && people.every((e) => e.note !== undefined), noteSeparator: separator };
}

/** Comment lines directly above the first entry (below `members:`), to title the first section. */
function headerStart(text: string, firstLineStart: number): number {
  let at = firstLineStart;
  while (at > 0) {
    const prev = lineStartOf(text, at - 1);
    if (!lineAt(text, prev).trim().startsWith('#')) break;
    at = prev;
  }
  return at;
}

/** Group addresses (`k8s-infra-release-admins@kubernetes.io`): the project's domain is for groups, not people. */
export function isGroupAddress(address: string): boolean {
  return /@kubernetes\.io$/i.test(address.trim());
}

/** How many entries at the top of a section are pinned group addresses. */
export function pinnedCount(values: readonly string[]): number {
  let n = 0;
  while (n < values.length && isGroupAddress(values[n]!)) n++;
  return n;
}

/** Sorted, nearly sorted (a few late joiners appended), or kept in join order. */
export function listConvention(values: readonly string[]): ListConvention {
  if (values.length < 2) return 'sorted';
  let inOrder = 0;
  for (let i = 1; i < values.length; i++) if (compareMemberAddresses(values[i - 1]!, values[i]!) <= 0) inOrder++;
  const pairs = values.length - 1;
  if (inOrder === pairs) return 'sorted';
  // A random order has about half its neighbours in order; a sorted list with one or two
  // entries appended at the end keeps nearly all of them.
  return inOrder / pairs >= MOSTLY_SORTED ? 'mostly-sorted' : 'join-order';
}

/** Share of neighbouring pairs in order above which a list counts as sorted with exceptions. */
export const MOSTLY_SORTED = 0.8;

/**
 * Where to insert `value` so the list's existing order is disturbed least: the position with the
 * fewest new out-of-order pairs. For a sorted list that is its sorted position; for a list that
 * is sorted but for a few appended entries it is still the place a person would pick. Ties go
 * to a position whose neighbours are in order, then to the earliest.
 */
export function memberInsertionIndex(existing: readonly string[], value: string): number {
  const n = existing.length;
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

/** Index in `region` a new entry takes under the region's own convention. */
function indexByConvention(region: readonly string[], value: string): number {
  const convention = listConvention(region);
  return convention === 'join-order' ? region.length : memberInsertionIndex(region, value);
}

/**
 * Position of `value` inside a section: group addresses join the pinned block at the top;
 * people go after it, by the convention of the rest.
 */
export function positionInSection(values: readonly string[], value: string): number {
  const pinned = pinnedCount(values);
  if (isGroupAddress(value)) return pinned === 0 ? 0 : indexByConvention(values.slice(0, pinned), value);
  return pinned + indexByConvention(values.slice(pinned), value);
}

/** Mail domains that say nothing about someone's affiliation. */
const PERSONAL_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'mac.com', 'pm.me', 'protonmail.com', 'proton.me', 'gmx.de', 'qq.com', '163.com']);

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The section a new address goes to unless the requester picks another: the one with most
 * members of the same affiliation (mail domain, not a personal mailbox), else the last one.
 */
export function defaultSectionIndex(sections: readonly { entries: readonly { value: string }[] }[], address: string): number {
  const domain = domainOf(address);
  if (sections.length === 0) return 0;
  let best = sections.length - 1;
  let bestCount = 0;
  if (!PERSONAL_DOMAINS.has(domain)) {
    sections.forEach((s, i) => {
      const count = s.entries.filter((e) => domainOf(e.value) === domain).length;
      if (count > 0 && count >= bestCount) {
        best = i;
        bestCount = count;
      }
    });
  }
  return best;
}
