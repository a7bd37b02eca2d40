import { parseYaml11Document } from '../../core/yaml11.ts';

/** The record types a request may ask for. */
export const REQUEST_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'TXT', 'NS'] as const;
export type RequestRecordType = (typeof REQUEST_RECORD_TYPES)[number];

export function isRequestRecordType(type: string): type is RequestRecordType {
  return (REQUEST_RECORD_TYPES as readonly string[]).includes(type);
}

const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HOST_LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => IPV4_PART.test(p));
}

export function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]+$/i.test(text) || text.split('::').length > 2) return false;
  const [head = '', tail] = text.split('::');
  const groups = [...(head ? head.split(':') : []), ...(tail ? tail.split(':') : [])];
  const last = groups.at(-1);
  let count = groups.length;
  if (last?.includes('.')) {
    if (!isIpv4(last)) return false;
    groups.pop();
    count += 1;
  }
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return tail === undefined ? count === 8 : count < 8;
}

/** A fully qualified host name as octodns wants it in a CNAME or NS value: ending with a dot. */
export function isDottedHost(text: string): boolean {
  if (!text.endsWith('.')) return false;
  const labels = text.slice(0, -1).split('.');
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l));
}

/** Why these values cannot be a record of `type`, or undefined when they can. */
export function valueProblem(type: RequestRecordType, values: readonly string[]): string | undefined {
  if (values.length === 0) return 'Enter at least one value.';
  const dupes = values.filter((v, i) => values.indexOf(v) !== i);
  if (dupes.length > 0) return `${dupes[0]} is listed twice.`;
  switch (type) {
    case 'A': {
      const bad = values.find((v) => !isIpv4(v));
      return bad === undefined ? undefined : `${bad} is not an IPv4 address (such as 34.107.204.206).`;
    }
    case 'AAAA': {
      const bad = values.find((v) => !isIpv6(v));
      return bad === undefined ? undefined : `${bad} is not an IPv6 address (such as 2600:1901:0:26f3::).`;
    }
    case 'CNAME': {
      if (values.length > 1) return 'A CNAME has exactly one value.';
      const v = values[0]!;
      if (isDottedHost(v)) return undefined;
      if (isDottedHost(`${v}.`)) return `A CNAME value ends with a dot: ${v}.`;
      return `${v} is not a host name (such as kubernetes-docs.netlifyglobalcdn.com.).`;
    }
    case 'NS': {
      const bad = values.find((v) => !isDottedHost(v));
      if (bad === undefined) return undefined;
      return isDottedHost(`${bad}.`) ? `An NS value ends with a dot: ${bad}.` : `${bad} is not a name server host name.`;
    }
    case 'TXT': {
      const quoted = values.find((v) => /^(".*"|'.*')$/s.test(v));
      if (quoted !== undefined) return `Enter the TXT text without quotes around it (the bot writes the quoting): ${quoted.slice(1, -1)}`;
      const escaped = values.find((v) => /\\;/.test(v));
      if (escaped !== undefined) return 'Enter `;` as it is: the bot escapes it the way octodns wants (\\;).';
      const long = values.find((v) => v.length > 2048);
      return long === undefined ? undefined : 'A TXT value is at most 2048 characters.';
    }
  }
}

/** A value as the zone file stores it: octodns wants `;` escaped in TXT values. */
export function storedValue(type: string, value: string): string {
  return type === 'TXT' ? value.replace(/;/g, '\\;') : value;
}

/**
 * A scalar as a person writes it in a PyYAML file: plain when PyYAML reads it back as the same
 * text, double-quoted otherwise (an IPv6 address ending in `::`, a TXT value starting with `@`).
 */
export function yamlScalar(text: string): string {
  const doc = parseYaml11Document(`k: ${text}\n`, { dialect: 'pyyaml' });
  const back = doc.errors.length === 0 ? (doc.toJS() as Record<string, unknown> | null)?.k : undefined;
  return back === text ? text : JSON.stringify(text);
}

/** Canonical form to compare a zone value with a resolver answer. */
export function canonicalAnswer(type: string, value: string): string {
  switch (type) {
    case 'CNAME':
    case 'NS':
      return value.trim().toLowerCase().replace(/\.$/, '');
    case 'AAAA':
      return expandIpv6(value.trim().toLowerCase());
    case 'TXT':
      return value.replace(/\\;/g, ';');
    default:
      return value.trim();
  }
}

function expandIpv6(address: string): string {
  if (!isIpv6(address) || address.includes('.')) return address;
  const [head = '', tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => g.padStart(4, '0')).join(':');
}
