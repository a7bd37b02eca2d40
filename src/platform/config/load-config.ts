import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, isMap, isSeq, isPair, isScalar, type Node, type Document } from 'yaml';
import type { z } from 'zod';
import { CAPABILITIES } from '../capabilities.ts';
import { parseInfraConfig, type InfraConfig } from './schema.ts';
import { checkCoreReferences } from './cross-references.ts';

export interface ConfigError {
  file: string;
  line: number;
  path: string;
  message: string;
}

export type LoadResult = { ok: true; config: InfraConfig; warnings: ConfigError[]; notes: string[] } | { ok: false; errors: ConfigError[] };

export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}: ${e.path || '(root)'}: ${e.message}`;
}

export class ConfigInvalidError extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(`invalid configuration:\n${errors.map(formatConfigError).join('\n')}`);
  }
}

function pathString(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** The deepest node along `path` that exists, so a missing key points at its parent. */
function nodeAt(doc: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = doc.contents;
  let found = isNode(node) ? node : undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
      if (!pair) break;
      node = pair.value ?? pair.key;
      // Point at the key's line when the value is empty.
      found = (isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : found) as Node | undefined;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!isNode(node)) break;
      found = node;
    } else break;
  }
  return found;
}

/** Parses and validates infra.yaml text; every error at once, each with its line. */
export function parseConfig(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? lineOf(e.pos[0]), path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })),
    };
  }
  const toError = (path: readonly PropertyKey[], message: string): ConfigError => {
    const node = nodeAt(doc, path);
    return { file, line: lineOf(node?.range?.[0]), path: pathString(path), message };
  };
  const js: unknown = doc.toJS() ?? {};
  const raw = js !== null && typeof js === 'object' && !Array.isArray(js) ? Object.fromEntries(Object.entries(js)) : {};
  const parsed = parseInfraConfig(js);
  const schemaIssues = parsed.success ? [] : flattenIssues(parsed.error.issues);
  const known = { reports: CAPABILITIES.flatMap((c) => c.reports ?? []) };
  const dangling = [checkCoreReferences(raw), ...CAPABILITIES.map((c) => c.config?.crossReferences?.(raw, known) ?? [])].flat();
  const errors = [...schemaIssues, ...dangling].map((i) => toError(i.path, i.message));
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const warnings = CAPABILITIES.flatMap((c) => c.config?.warnings?.(raw) ?? []).map((i) => toError(i.path, i.message));
  warnings.sort((a, b) => a.line - b.line);
  const notes = CAPABILITIES.flatMap((c) => c.config?.notes?.(raw) ?? []);
  return { ok: true, config: parsed.data, warnings, notes };
}

/** zod reports a failed union as one issue holding every branch; show the branch's own issues instead. */
function flattenIssues(issues: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; message: string }[] {
  return issues.map((i) => ({ path: i.path as PropertyKey[], message: i.message }));
}

export function loadConfigFile(file: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, errors: [{ file, line: 0, path: '', message: `cannot read file: ${(err as Error).message}` }] };
  }
  return parseConfig(text, file);
}

export function loadConfigOrThrow(file: string): InfraConfig {
  const result = loadConfigFile(file);
  if (!result.ok) throw new ConfigInvalidError(result.errors);
  return result.config;
}
