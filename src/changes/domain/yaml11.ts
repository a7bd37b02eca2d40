import { parse } from 'yaml';

/**
 * YAML as the owners' tools read it: Go's yaml.v2 (through sigs.k8s.io/yaml) for OWNERS and
 * groups.yaml, PyYAML for octodns zones. That is YAML 1.1: `yes`, `no`, `on`, `off` are
 * booleans, `0123` is octal, `<<` merges; a duplicate key is an error (yaml.v2 and octodns
 * refuse it). Throws a message with the line on bad input.
 */
export function parseYaml11(text: string): unknown {
  return parse(text, { version: '1.1', merge: true, uniqueKeys: true, maxAliasCount: 1000, prettyErrors: true });
}

/**
 * A scalar read into a Go `string` field through sigs.k8s.io/yaml: booleans and numbers are
 * written back as text (`on` becomes "true", `0123` becomes "83"); null and anything else is
 * absent. So a handle is compared the way Prow compares it.
 */
export function asGoString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of Go strings (a missing or non-list value is an empty list, as unmarshalling leaves it). */
export function goStringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(asGoString).filter((s): s is string => s !== undefined && s.trim() !== '').map((s) => s.trim());
}
