import { isScalar, LineCounter, parseDocument, visit, type Document, type Scalar } from 'yaml';

/**
 * Reading kubernetes/k8s.io files the way their owners' tools read them: YAML 1.1, as Go's
 * yaml.v2 (sigs.k8s.io/yaml: groups.yaml, OWNERS, restrictions.yaml) and PyYAML (octodns: the
 * DNS zones) resolve plain scalars. The `yaml` package's own 1.1 schema is looser than both
 * (it reads the TXT value `606e970852` as the float Infinity, and `1e3` as 1000 where PyYAML
 * keeps a string), so the document is parsed with the failsafe schema (every scalar a string)
 * and each plain scalar is then resolved with the exact rules of the dialect asked for.
 * Quoted scalars always stay strings. Pure: no fs.
 */

/** `pyyaml`: octodns (DNS zones). `go-yaml-v2`: Go's gopkg.in/yaml.v2 and sigs.k8s.io/yaml (groups, OWNERS). */
export type Yaml11Dialect = 'pyyaml' | 'go-yaml-v2';

export type Yaml11Scalar = string | number | boolean | null;

export interface Yaml11Problem {
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

// PyYAML's implicit resolvers (yaml/resolver.py, Resolver.add_implicit_resolver), verbatim.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_NULL = /^(?:~|null|Null|NULL|)$/;
const PY_TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

// yaml.v2 resolve.go: the resolve table, then ints (strconv.ParseInt base 0), then floats
// (yamlStyleFloat, then strconv.ParseFloat, which fails on overflow: `606e970852` stays a string).
const GO_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const GO_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const GO_NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const GO_INF = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const GO_NEG_INF = new Set(['-.inf', '-.Inf', '-.INF']);
const GO_NAN = new Set(['.nan', '.NaN', '.NAN']);
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?)?$/;

function sexagesimal(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const parts = text.replace(/^[-+]/, '').split(':');
  let value = 0;
  for (const p of parts) value = value * 60 + Number(p);
  return sign * value;
}

function pyyaml(text: string): Yaml11Scalar {
  if (PY_NULL.test(text)) return null;
  if (PY_BOOL.test(text)) return PY_TRUE.test(text);
  if (PY_INT.test(text)) {
    const plain = text.replace(/_/g, '');
    const sign = plain.startsWith('-') ? -1 : 1;
    const body = plain.replace(/^[-+]/, '');
    if (body.includes(':')) return sexagesimal(plain);
    if (body.startsWith('0b')) return sign * parseInt(body.slice(2), 2);
    if (body.startsWith('0x')) return sign * parseInt(body.slice(2), 16);
    if (body.length > 1 && body.startsWith('0')) return sign * parseInt(body.slice(1), 8);
    return sign * Number(body);
  }
  if (PY_FLOAT.test(text)) {
    const plain = text.replace(/_/g, '').toLowerCase();
    if (plain.endsWith('.inf')) return plain.startsWith('-') ? -Infinity : Infinity;
    if (plain.endsWith('.nan')) return Number.NaN;
    if (plain.includes(':')) return sexagesimal(plain);
    return Number(plain);
  }
  // Timestamps stay text: nothing the bot reads wants a date object, and the text is what the file says.
  if (PY_TIMESTAMP.test(text)) return text;
  return text;
}

/** strconv.ParseInt(s, 0, 64): 0x, 0o, 0b prefixes, a leading 0 for octal; undefined when Go fails. */
function goParseInt(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2]!;
  const lower = body.toLowerCase();
  let value: number;
  if (lower.startsWith('0x')) value = parseInt(body.slice(2), 16);
  else if (lower.startsWith('0o')) value = parseInt(body.slice(2), 8);
  else if (lower.startsWith('0b')) value = parseInt(body.slice(2), 2);
  else if (body.length > 1 && body.startsWith('0')) value = parseInt(body.slice(1), 8);
  else value = Number(body);
  // ParseInt fails past int64; ParseUint then takes up to uint64. Beyond that it is a string.
  return Math.abs(value) <= 2 ** 64 ? sign * value : undefined;
}

function goYamlV2(text: string): Yaml11Scalar {
  if (GO_NULL.has(text)) return null;
  if (GO_TRUE.has(text)) return true;
  if (GO_FALSE.has(text)) return false;
  if (GO_INF.has(text)) return Infinity;
  if (GO_NEG_INF.has(text)) return -Infinity;
  if (GO_NAN.has(text)) return Number.NaN;
  const first = text[0];
  if (first === undefined || !/[-+.0-9]/.test(first)) return text;
  if (GO_TIMESTAMP.test(text)) return text;
  const plain = text.replace(/_/g, '');
  const int = goParseInt(plain);
  if (int !== undefined) return int;
  if (GO_FLOAT.test(plain)) {
    const f = Number(plain);
    // strconv.ParseFloat reports ErrRange on overflow, and yaml.v2 then keeps the string.
    if (Number.isFinite(f)) return f;
  }
  return text;
}

/** How `dialect` resolves a plain (unquoted, untagged) scalar written as `text`. */
export function resolvePlainScalar(text: string, dialect: Yaml11Dialect): Yaml11Scalar {
  return dialect === 'pyyaml' ? pyyaml(text) : goYamlV2(text);
}

const STRING_TAGS = new Set(['tag:yaml.org,2002:str', '!!str']);

/**
 * Parses `text` with YAML 1.1 syntax and resolves every plain scalar value as `dialect` does;
 * mapping keys keep their text (the files use them as names). The document keeps node ranges,
 * so format-preserving editors can locate what they change.
 */
export function parseYaml11Document(text: string, options: { dialect: Yaml11Dialect; lineCounter?: LineCounter }): Document {
  const doc = parseDocument(text, { version: '1.1', schema: 'failsafe', prettyErrors: false, ...(options.lineCounter ? { lineCounter: options.lineCounter } : {}) });
  if (doc.errors.length > 0) return doc;
  const resolve = (node: Scalar) => {
    if (node.type !== 'PLAIN' || (node.tag !== undefined && STRING_TAGS.has(node.tag))) return;
    node.value = resolvePlainScalar(String(node.source ?? node.value), options.dialect);
  };
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.value)) resolve(pair.value);
    },
    Seq(_key, seq) {
      for (const item of seq.items) if (isScalar(item)) resolve(item);
    },
  });
  if (isScalar(doc.contents)) resolve(doc.contents);
  return doc;
}

/** The plain value of a YAML 1.1 text, or the syntax problems with their lines (nothing thrown). */
export function readYaml11(text: string, dialect: Yaml11Dialect): { ok: true; value: unknown } | { ok: false; problems: Yaml11Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseYaml11Document(text, { dialect, lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, message: e.message.split('\n')[0]! };
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

/** Like readYaml11, throwing the first problem as `file:line: message` (for callers that report errors). */
export function parseYaml11(text: string, dialect: Yaml11Dialect, file = 'yaml'): unknown {
  const r = readYaml11(text, dialect);
  if (!r.ok) {
    const p = r.problems[0]!;
    throw new Error(`${file}:${p.line}: ${p.message}`);
  }
  return r.value;
}

