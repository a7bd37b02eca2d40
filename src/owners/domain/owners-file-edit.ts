/**
 * Edits an `OWNERS_ALIASES` alias or an `OWNERS` list (`approvers:` / `reviewers:`) the way a
 * person would: one `- handle` line added in sorted position (appended to a list that is not
 * sorted) or removed, written like its neighbours (indentation, quoting, `# note`), nothing else
 * in the file touched. Prow compares GitHub handles without case, and so does this.
 */

export type OwnersFileTarget = { kind: 'alias'; alias: string } | { kind: 'list'; list: 'approvers' | 'reviewers' };

export interface OwnersFileChange {
  kind: 'add' | 'remove';
  handle: string;
  /** A trailing `# note` for an added line (written only when the list's lines carry notes). */
  note?: string;
}

export class OwnersFileEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OwnersFileEditError';
  }
}

interface Item {
  index: number;
  handle: string;
  /** `  - ` before the value. */
  prefix: string;
  quote: '' | '"' | "'";
  note: string | undefined;
}

const ITEM = /^([ \t]*-[ \t]+)(["']?)([^"'#\s]+)\2([ \t]*#.*)?[ \t]*$/;

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

function isBlankOrComment(line: string): boolean {
  return /^[ \t]*(#.*)?$/.test(line);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The line index of the key holding the list, and the column its items may not go left of. */
function findKey(lines: readonly string[], target: OwnersFileTarget): { index: number; indent: number } {
  if (target.kind === 'list') {
    const index = lines.findIndex((l) => new RegExp(`^${target.list}:[ \\t]*(\\[.*\\])?[ \\t]*(#.*)?$`).test(l));
    if (index < 0) throw new OwnersFileEditError(`the file has no top-level \`${target.list}:\` list`);
    return { index, indent: 0 };
  }
  const top = lines.findIndex((l) => /^aliases:[ \t]*(#.*)?$/.test(l));
  if (top < 0) throw new OwnersFileEditError('the file has no `aliases:`');
  const key = new RegExp(`^([ \\t]+)["']?${escape(target.alias)}["']?:[ \\t]*(\\[.*\\])?[ \\t]*(#.*)?$`);
  for (let i = top + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!isBlankOrComment(line) && indentOf(line) === 0) break;
    const m = key.exec(line);
    if (m) return { index: i, indent: m[1]!.length };
  }
  throw new OwnersFileEditError(`OWNERS_ALIASES has no alias \`${target.alias}\``);
}

/** The `- handle` lines under the key (comment and blank lines between them skipped). */
function itemsAfter(lines: readonly string[], key: { index: number; indent: number }): Item[] {
  const items: Item[] = [];
  for (let i = key.index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlankOrComment(line)) continue;
    const m = ITEM.exec(line);
    // A list under `key:` may sit at the key's own column (`approvers:\n- a`) but not left of it.
    if (!m || indentOf(line) < key.indent) break;
    items.push({ index: i, prefix: m[1]!, quote: m[2] as Item['quote'], handle: m[3]!, note: m[4]?.replace(/^[ \t]*#[ \t]?/, '') });
  }
  return items;
}

const lower = (s: string) => s.toLowerCase();
const sortedBy = (xs: readonly string[], key: (s: string) => string) => xs.every((x, i) => i === 0 || key(xs[i - 1]!) <= key(x));

/** Where a new handle goes among `handles`: sorted position in a sorted list (without case, else byte order), the end otherwise. */
export function ownersInsertionIndex(handles: readonly string[], handle: string): number {
  const key = sortedBy(handles, lower) ? lower : sortedBy(handles, (s) => s) ? (s: string) => s : undefined;
  if (!key) return handles.length;
  const at = handles.findIndex((h) => key(h) > key(handle));
  return at < 0 ? handles.length : at;
}

/**
 * The file with `change` made to the target list, or undefined when there is nothing to do (the
 * handle is already there, or already gone). Throws OwnersFileEditError when the list is not found
 * or is written in a way a one-line edit cannot keep (an inline `[a, b]` list).
 */
export function editOwnersFile(text: string, target: OwnersFileTarget, change: OwnersFileChange): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const key = findKey(lines, target);
  if (/:[ \t]*\[/.test(lines[key.index]!)) throw new OwnersFileEditError('the list is written inline ([a, b]); edit it by hand');
  const items = itemsAfter(lines, key);
  const handle = change.handle.trim().replace(/^@/, '');
  const present = items.find((it) => lower(it.handle) === lower(handle));
  if (change.kind === 'remove') {
    if (!present) return undefined;
    if (items.length === 1) {
      // The last one out: an empty list, as a person writes it, rather than a key holding nothing.
      lines[key.index] = lines[key.index]!.replace(/:([ \t]*)(#.*)?$/, (_m, space: string, comment: string | undefined) => `: []${comment ? `${space || ' '}${comment}` : ''}`);
    }
    lines.splice(present.index, 1);
    return lines.join(eol);
  }
  if (present) return undefined;
  if (items.length === 0) throw new OwnersFileEditError(`the list under line ${key.index + 1} is empty; add the first entry by hand`);
  const at = ownersInsertionIndex(items.map((it) => it.handle), handle);
  const like = items[Math.min(at, items.length - 1)]!;
  const withNotes = items.every((it) => it.note !== undefined);
  const note = change.note?.replace(/\s+/g, ' ').trim();
  const value = like.quote ? `${like.quote}${handle}${like.quote}` : handle;
  const line = `${like.prefix}${value}${withNotes && note ? ` # ${note}` : ''}`;
  let lineIndex = at < items.length ? items[at]!.index : items[items.length - 1]!.index + 1;
  // A comment right above the entry it goes before speaks of that entry: keep them together.
  if (at > 0 && at < items.length) while (lineIndex - 1 > items[at - 1]!.index && /^[ \t]*#/.test(lines[lineIndex - 1]!)) lineIndex--;
  lines.splice(lineIndex, 0, line);
  return lines.join(eol);
}
