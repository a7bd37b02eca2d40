import { parseYaml11 } from '../../core/yaml11.ts';

/** One record set from an octodns YamlProvider zone file. */
export interface OctodnsRecord {
  /** Subdomain as written in the file; '' is the apex. */
  name: string;
  /** Fully qualified, no trailing dot: `www.k8s.io`. */
  fqdn: string;
  type: string;
  ttl: number | undefined;
  /** Presentation form: A/AAAA/CNAME/TXT as written, MX `10 mx.example.`, CAA `0 issue pki.goog`; other types as JSON. */
  values: string[];
}

export class OctodnsZoneError extends Error {}

/**
 * Parses one octodns zone file (k8s.io's `dns/zone-configs/<zone>._N_name.yaml`): a mapping from
 * subdomain to one record or a list of records, each with `type`, `value` or `values`, optional `ttl`.
 * Pure: the caller reads the file.
 */
export function readOctodnsZone(yamlText: string, zoneName: string): OctodnsRecord[] {
  const zone = zoneName.replace(/\.$/, '').toLowerCase();
  // octodns reads zones with PyYAML (YAML 1.1): `606e970852` is text there, not Infinity.
  const doc: unknown = parseYaml11(yamlText, 'pyyaml', `zone ${zone}`);
  if (doc === null || doc === undefined) return [];
  if (!isPlainObject(doc)) throw new OctodnsZoneError(`zone ${zone}: expected a mapping of subdomain to records`);
  const records: OctodnsRecord[] = [];
  for (const [rawName, entry] of Object.entries(doc)) {
    const name = rawName.toLowerCase();
    const list = Array.isArray(entry) ? entry : [entry];
    for (const [i, item] of list.entries()) {
      const where = `zone ${zone}: '${rawName}'${Array.isArray(entry) ? `[${i}]` : ''}`;
      if (!isPlainObject(item)) throw new OctodnsZoneError(`${where}: expected a record with type and value(s)`);
      const type = item['type'];
      if (typeof type !== 'string' || !/^[A-Z]+$/.test(type)) throw new OctodnsZoneError(`${where}: missing or invalid type`);
      const rawValues = item['values'] !== undefined ? item['values'] : item['value'];
      if (rawValues === undefined || rawValues === null) throw new OctodnsZoneError(`${where}: ${type} record without value or values`);
      const values = (Array.isArray(rawValues) ? rawValues : [rawValues]).map((v) => presentValue(type, v, where));
      const ttl = item['ttl'];
      if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0)) {
        throw new OctodnsZoneError(`${where}: ttl must be a whole number of seconds`);
      }
      records.push({ name, fqdn: name === '' ? zone : `${name}.${zone}`, type, ttl, values });
    }
  }
  return records;
}

function presentValue(type: string, value: unknown, where: string): string {
  switch (type) {
    case 'MX': {
      if (!isPlainObject(value)) throw new OctodnsZoneError(`${where}: MX value needs exchange and preference`);
      const exchange = value['exchange'] ?? value['value'];
      const preference = value['preference'] ?? value['priority'];
      if (typeof exchange !== 'string' || typeof preference !== 'number') {
        throw new OctodnsZoneError(`${where}: MX value needs exchange and preference`);
      }
      return `${preference} ${exchange}`;
    }
    case 'CAA': {
      if (!isPlainObject(value)) throw new OctodnsZoneError(`${where}: CAA value needs tag and value`);
      const { flags = 0, tag, value: v } = value as { flags?: unknown; tag?: unknown; value?: unknown };
      if (typeof tag !== 'string' || typeof v !== 'string' || typeof flags !== 'number') {
        throw new OctodnsZoneError(`${where}: CAA value needs tag and value`);
      }
      return `${flags} ${tag} ${v}`;
    }
    default:
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      return JSON.stringify(value);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
