import { storedValue, yamlScalar } from './dns-values.ts';
import { readZoneFile, type ZoneEntry, type ZoneFile } from './zone-file.ts';

/** One record set as a request names it: the name relative to the zone ('' is the apex). */
export interface RecordSet {
  name: string;
  type: string;
  /** As the requester typed them (TXT unescaped). */
  values: string[];
  ttl?: number | undefined;
}

export type DnsChange =
  /** `after`: the name to place it below (default: the most alike name); `comment`: a line above it, without `#`. */
  | { action: 'create'; record: RecordSet; after?: string | undefined; comment?: string | undefined }
  | { action: 'update'; record: RecordSet }
  | { action: 'delete'; name: string; type: string };

export type ZoneEditResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The zone file with one record set created, changed or removed the way a DNS admin edits it:
 * every other line as it was, the new record written in the style of its neighbour (mapping or
 * list form, its indentation, its blank-line spacing), placed below the most alike name.
 */
export function editZone(text: string, change: DnsChange): ZoneEditResult {
  const read = readZoneFile(text);
  if (!read.ok) return read;
  const zone = read.zone;
  const name = change.action === 'delete' ? change.name : change.record.name;
  const entry = zone.entries.find((e) => e.name === name.toLowerCase());
  switch (change.action) {
    case 'create':
      if (entry) return addToEntry(zone, entry, change.record);
      return insertEntry(zone, change);
    case 'update':
      if (!entry) return { ok: false, reason: `there is no record named ${shown(name)}` };
      return updateRecord(zone, entry, change.record);
    case 'delete':
      if (!entry) return { ok: false, reason: `there is no record named ${shown(name)}` };
      return deleteRecord(zone, entry, change.type);
  }
}

function shown(name: string): string {
  return name === '' ? "'' (the apex)" : name;
}

const pad = (n: number) => ' '.repeat(n);

function keyText(name: string): string {
  if (name === '') return "''";
  return /^[a-z0-9_][a-z0-9_.-]*$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `type:`, `ttl:`, `value:`/`values:` lines of one record, its keys at `indent` (the first line's indent is the caller's). */
function recordBody(record: RecordSet, indent: number): string[] {
  const lines = [`type: ${record.type}`];
  if (record.ttl !== undefined) lines.push(`${pad(indent)}ttl: ${record.ttl}`);
  lines.push(...valueLines(record, indent));
  return lines;
}

function valueLines(record: RecordSet, indent: number): string[] {
  const values = record.values.map((v) => yamlScalar(storedValue(record.type, v)));
  if (values.length === 1) return [`${pad(indent)}value: ${values[0]}`];
  return [`${pad(indent)}values:`, ...values.map((v) => `${pad(indent)}- ${v}`)];
}

/** The lines of a record set as a list item (`- type: …`) with the dash at `dashIndent`. */
function listItem(record: RecordSet, dashIndent: number, keyIndent: number): string[] {
  const [first, ...rest] = recordBody(record, keyIndent);
  return [`${pad(dashIndent)}- ${first}`, ...rest];
}

function entryLines(record: RecordSet, style: Pick<ZoneEntry, 'form' | 'keyIndent' | 'dashIndent'>): string[] {
  const head = `${keyText(record.name)}:`;
  if (style.form === 'seq') return [head, ...listItem(record, style.dashIndent, style.keyIndent)];
  const [first, ...rest] = recordBody(record, style.keyIndent);
  return [head, `${pad(style.keyIndent)}${first}`, ...rest];
}

/** One record set as the issue template shows it (`www:` / `- type: A` / `  value: …`). */
export function recordYaml(record: RecordSet): string {
  return entryLines(record, { form: 'seq', keyIndent: 2, dashIndent: 0 }).join('\n');
}

/** Whether entries are set apart by a blank line around `entry` (the file's own spacing there). */
function blankSeparated(zone: ZoneFile, entry: ZoneEntry): boolean {
  const after = entry.lastLine + 1;
  const atEnd = zone.entries.at(-1) === entry;
  if (!atEnd) return zone.lines[after] === '';
  const before = zone.entries.at(-2);
  return before !== undefined && zone.lines[before.lastLine + 1] === '';
}

function splice(zone: ZoneFile, start: number, removeCount: number, insert: readonly string[]): ZoneEditResult {
  const lines = [...zone.lines];
  lines.splice(start, removeCount, ...insert);
  return { ok: true, text: lines.join('\n') };
}

function insertEntry(zone: ZoneFile, change: Extract<DnsChange, { action: 'create' }>): ZoneEditResult {
  const record = change.record;
  const comment = (change.comment ?? '').trim();
  const commentLines = comment ? comment.split(/\r?\n/).map((l) => `# ${l.replace(/^#\s?/, '')}`.trimEnd()) : [];
  let anchor: ZoneEntry | undefined;
  if (change.after !== undefined && change.after !== '') {
    anchor = zone.entries.find((e) => e.name === change.after!.toLowerCase());
    if (!anchor) return { ok: false, reason: `there is no record named ${shown(change.after)} to place it after` };
  } else anchor = mostAlike(zone.entries, record.name.toLowerCase());
  if (!anchor) {
    const lines = zone.lines.at(-1) === '' ? zone.lines.slice(0, -1) : zone.lines;
    return { ok: true, text: [...lines, ...commentLines, ...entryLines(record, { form: 'map', keyIndent: 2, dashIndent: 2 }), ''].join('\n') };
  }
  const block = [...commentLines, ...entryLines(record, anchor)];
  const atEnd = zone.entries.at(-1) === anchor;
  const spaced = blankSeparated(zone, anchor);
  const insert = spaced ? (atEnd ? ['', ...block] : ['', ...block]) : block;
  return splice(zone, anchor.lastLine + 1, 0, insert);
}

/**
 * The existing name a person would put a new one below: the one sharing the most trailing labels
 * (the same parent), then the longest common beginning (`release-1-6.x` for `release-1-7.x`),
 * then the parent itself, then the last in the file among equals.
 */
export function mostAlike(entries: readonly ZoneEntry[], name: string): ZoneEntry | undefined {
  const labels = name.split('.');
  let best: { entry: ZoneEntry; score: [number, number, number] } | undefined;
  for (const entry of entries) {
    const other = entry.name.split('.');
    let suffix = 0;
    while (suffix < Math.min(labels.length, other.length) && labels[labels.length - 1 - suffix] === other[other.length - 1 - suffix]) suffix++;
    if (suffix === 0 || entry.name === '') continue;
    let prefix = 0;
    while (prefix < Math.min(name.length, entry.name.length) && name[prefix] === entry.name[prefix]) prefix++;
    const parent = name.endsWith(`.${entry.name}`) ? 1 : 0;
    const score: [number, number, number] = [suffix, prefix, parent];
    if (!best || compare(score, best.score) >= 0) best = { entry, score };
  }
  return best?.entry ?? entries.at(-1);
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function addToEntry(zone: ZoneFile, entry: ZoneEntry, record: RecordSet): ZoneEditResult {
  if (entry.records.some((r) => r.type === record.type)) return { ok: false, reason: `${shown(record.name)} already has a record of type ${record.type}` };
  if (entry.form === 'seq') return splice(zone, entry.lastLine + 1, 0, listItem(record, entry.dashIndent, entry.keyIndent));
  // One record written as a mapping becomes a list of two, as people write several records.
  const dash = entry.keyIndent;
  const keys = dash + 2;
  const old = zone.lines.slice(entry.keyLine + 1, entry.lastLine + 1).map((l, i) => (i === 0 ? `${pad(dash)}- ${l.slice(entry.keyIndent)}` : l.trim() === '' ? l : `  ${l}`));
  return splice(zone, entry.keyLine + 1, entry.lastLine - entry.keyLine, [...old, ...listItem(record, dash, keys)]);
}

function updateRecord(zone: ZoneFile, entry: ZoneEntry, record: RecordSet): ZoneEditResult {
  const current = entry.records.find((r) => r.type === record.type);
  if (!current?.value) return { ok: false, reason: `${shown(record.name)} has no record of type ${record.type}` };
  const edited = splice(zone, current.value.firstLine, current.value.lastLine - current.value.firstLine + 1, valueLines(record, current.value.column));
  if (!edited.ok || record.ttl === undefined || record.ttl === current.ttl) return edited;
  // A TTL that changes too: rewritten in place, or added below the type.
  const reread = readZoneFile(edited.text);
  if (!reread.ok) return reread;
  const again = reread.zone.entries.find((e) => e.name === entry.name)!.records.find((r) => r.type === record.type)!;
  const lines = reread.zone.lines;
  const ttlLine = lines.findIndex((l, i) => i >= again.firstLine && i <= again.lastLine && /^\s*(- )?ttl:/.test(l));
  if (ttlLine >= 0) return splice(reread.zone, ttlLine, 1, [lines[ttlLine]!.replace(/ttl:\s*\d+/, `ttl: ${record.ttl}`)]);
  return splice(reread.zone, again.firstLine + 1, 0, [`${pad(again.value!.column)}ttl: ${record.ttl}`]);
}

function deleteRecord(zone: ZoneFile, entry: ZoneEntry, type: string): ZoneEditResult {
  const index = entry.records.findIndex((r) => r.type === type);
  if (index < 0) return { ok: false, reason: `${shown(entry.name)} has no record of type ${type}` };
  if (entry.records.length > 1) {
    const r = entry.records[index]!;
    return splice(zone, r.firstLine, r.lastLine - r.firstLine + 1, []);
  }
  // The whole entry goes, with the blank line that set it apart.
  const spaced = zone.lines[entry.lastLine + 1] === '' && entry.lastLine + 1 < zone.lines.length - 1 && (entry.keyLine === 0 || zone.lines[entry.keyLine - 1] === '');
  return splice(zone, entry.keyLine, entry.lastLine - entry.keyLine + 1 + (spaced ? 1 : 0), []);
}
