import { isMap, isScalar, isSeq, LineCounter, type Node, type YAMLMap } from 'yaml';
import { parseYaml11Document } from '../../core/yaml11.ts';

/** One record of a name in an octodns zone file, values as written (MX/CAA as JSON), with its lines. */
export interface ZoneRecord {
  type: string;
  values: string[];
  ttl: number | undefined;
  /** 0-based first and last line of the record (a list item, or the whole mapping). */
  firstLine: number;
  lastLine: number;
  /** Lines of its `value:` / `values:` pair, and the column of that key. */
  value: { firstLine: number; lastLine: number; column: number } | undefined;
}

/** A top-level key of a zone file with where it sits, so an edit can keep the file's layout. */
export interface ZoneEntry {
  /** As the file keys it, lowercased ('' is the apex). */
  name: string;
  records: ZoneRecord[];
  /** 0-based line of the key. */
  keyLine: number;
  /** 0-based last line of its value. */
  lastLine: number;
  /** `map`: one record written as a mapping; `seq`: a list of records. */
  form: 'map' | 'seq';
  /** Column of the record's keys (`type:`), and of the dash in list form. */
  keyIndent: number;
  dashIndent: number;
}

export interface ZoneFile {
  lines: string[];
  entries: ZoneEntry[];
}

export type ZoneReadResult = { ok: true; zone: ZoneFile } | { ok: false; reason: string };

/**
 * Reads an octodns zone file as octodns does (PyYAML, YAML 1.1) and keeps the lines of every
 * record set, so an edit touches only the lines of one record. Pure.
 */
export function readZoneFile(text: string): ZoneReadResult {
  const lineCounter = new LineCounter();
  const doc = parseYaml11Document(text, { dialect: 'pyyaml', lineCounter });
  if (doc.errors.length > 0) return { ok: false, reason: `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
  const lines = text.split('\n');
  if (doc.contents === null) return { ok: true, zone: { lines, entries: [] } };
  if (!isMap(doc.contents)) return { ok: false, reason: 'expected a mapping of names to records' };
  const lineOf = (offset: number) => lineCounter.linePos(offset).line - 1;
  const columnOf = (offset: number) => lineCounter.linePos(offset).col - 1;
  // A node's range ends after its last line's newline (or at the end of the text).
  const lastLineOf = (node: Node) => lineOf(Math.max(node.range![0], node.range![1] - (text[node.range![1] - 1] === '\n' ? 1 : 0) - 1));
  const entries: ZoneEntry[] = [];
  for (const pair of doc.contents.items) {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!isScalar(key) || !key.range || !value?.range) return { ok: false, reason: 'every key must be a name with records' };
    const items = isSeq(value) ? (value.items as Node[]) : [value];
    const records: ZoneRecord[] = [];
    for (const item of items) {
      if (!isMap(item) || !item.range) return { ok: false, reason: `'${String(key.value)}': expected a record with type and value(s)` };
      records.push(recordOf(item, { lineOf, columnOf, lastLineOf }));
    }
    const first = items[0]!;
    entries.push({
      name: String(key.value).toLowerCase(),
      records,
      keyLine: lineOf(key.range[0]),
      lastLine: lastLineOf(value),
      form: isSeq(value) ? 'seq' : 'map',
      keyIndent: columnOf(first.range![0]),
      dashIndent: columnOf(value.range[0]),
    });
  }
  return { ok: true, zone: { lines, entries } };
}

interface Positions {
  lineOf(offset: number): number;
  columnOf(offset: number): number;
  lastLineOf(node: Node): number;
}

function recordOf(item: YAMLMap, at: Positions): ZoneRecord {
  const js = item.toJSON() as Record<string, unknown>;
  const raw = js.values ?? js.value;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const valuePair = item.items.find((p) => isScalar(p.key) && (p.key.value === 'value' || p.key.value === 'values'));
  const valueKey = valuePair?.key as Node | undefined;
  const valueNode = valuePair?.value as Node | undefined;
  return {
    type: String(js.type ?? ''),
    values: list.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))),
    ttl: typeof js.ttl === 'number' ? js.ttl : undefined,
    firstLine: at.lineOf(item.range![0]),
    lastLine: at.lastLineOf(item),
    value: valueKey?.range ? { firstLine: at.lineOf(valueKey.range[0]), lastLine: valueNode?.range ? at.lastLineOf(valueNode) : at.lineOf(valueKey.range[0]), column: at.columnOf(valueKey.range[0]) } : undefined,
  };
}
