import { isRequestRecordType, valueProblem, type RequestRecordType } from './dns-values.ts';
import { editZone, type DnsChange } from './zone-edit.ts';
import { readZoneFile, type ZoneEntry } from './zone-file.ts';

export const DNS_ACTIONS = ['create', 'update', 'delete'] as const;
export type DnsAction = (typeof DNS_ACTIONS)[number];

/** A DNS request, checked: the name relative to the zone ('' is the apex). */
export interface DnsRequest {
  action: DnsAction;
  zone: string;
  /** The zone-config file it edits: `k8s.io._0_base.yaml`. */
  file: string;
  name: string;
  type: RequestRecordType;
  /** Empty for a delete. */
  values: string[];
  ttl?: number | undefined;
  reason: string;
  after?: string | undefined;
  comment?: string | undefined;
}

/** The form as typed. */
export interface DnsForm {
  action: string | undefined;
  file: string | undefined;
  name: string;
  type: string | undefined;
  values: string;
  ttl: string;
  reason: string;
  after: string;
  comment: string;
}

export type DnsField = keyof DnsForm;

/** One zone-config file's text, as the bot last read it. */
export interface ZoneSource {
  file: string;
  text: string;
}

/** `k8s.io._0_base.yaml` → `k8s.io`; k8s.io splits a zone over `<zone>._<n>_<part>.yaml` files. */
export function zoneOfFile(file: string): string | undefined {
  const m = /^(.+?)(\._[^/]*)?\.ya?ml$/.exec(file);
  return m?.[1]?.includes('.') ? m[1].toLowerCase() : undefined;
}

/** The zone README's rule: base files are also the canary configs, so an NS there is a delegation nobody claims. */
export function isBaseFile(file: string): boolean {
  return /\._0_base\.ya?ml$/.test(file);
}

const NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

export type DnsCheck = { ok: true; request: DnsRequest; existing: string | undefined } | { ok: false; errors: Partial<Record<DnsField, string>> };

/**
 * Everything a DNS admin would send back about a request, before anything is filed: the key
 * relative to the zone, the record there (create) or not (update, delete), values per type, no
 * NS in a base file, no CNAME beside other records, and the edit itself applying cleanly.
 */
export function checkDnsRequest(form: DnsForm, sources: readonly ZoneSource[]): DnsCheck {
  const errors: Partial<Record<DnsField, string>> = {};
  const action = (DNS_ACTIONS as readonly string[]).includes(form.action ?? '') ? (form.action as DnsAction) : undefined;
  if (!action) errors.action = 'Choose create, update or delete.';
  const source = sources.find((s) => s.file === form.file);
  const zone = source ? zoneOfFile(source.file) : undefined;
  if (!source || !zone) errors.file = 'Choose the zone file to change.';
  const type = form.type && isRequestRecordType(form.type) ? form.type : undefined;
  if (!type) errors.type = 'Choose a record type.';
  const reason = form.reason.trim();
  if (!reason) errors.reason = 'Say why: it goes in the issue for the DNS admins.';
  else if (reason.length > 2000) errors.reason = 'Keep the reason under 2000 characters.';

  const zones = [...new Set(sources.map((s) => zoneOfFile(s.file)).filter((z): z is string => z !== undefined))];
  const typed = form.name.trim().toLowerCase();
  const name = typed === '@' ? '' : typed;
  if (zone) {
    const problem = nameProblem(name, zone, zones);
    if (problem) errors.name = problem;
  }

  const values = form.values.split(/\r?\n/).map((v) => v.trim()).filter((v) => v !== '');
  if (type && action !== 'delete') {
    const problem = valueProblem(type, values);
    if (problem) errors.values = problem;
  }
  let ttl: number | undefined;
  if (form.ttl.trim() !== '') {
    ttl = Number(form.ttl.trim());
    if (!Number.isInteger(ttl) || ttl < 60 || ttl > 86400) errors.ttl = 'A TTL is a whole number of seconds from 60 to 86400 (leave it empty for the zone default).';
  }
  if (type === 'NS' && source && isBaseFile(source.file)) {
    errors.type = `No NS records in a _0_base file (dns/zone-configs/README.md): base files are also the canary configs, so an NS there delegates a zone nobody claims. Choose ${zone}.yaml.`;
  }
  if (Object.keys(errors).length > 0 || !action || !type || !source || !zone) return { ok: false, errors };

  // What the zone has at that name, across every file of the zone.
  const atName: { file: string; entry: ZoneEntry; lines: string[] }[] = [];
  for (const s of sources.filter((x) => zoneOfFile(x.file) === zone)) {
    const read = readZoneFile(s.text);
    if (!read.ok) return { ok: false, errors: { file: `${s.file} cannot be read: ${read.reason}` } };
    const entry = read.zone.entries.find((e) => e.name === name);
    if (entry) atName.push({ file: s.file, entry, lines: read.zone.lines.slice(entry.keyLine, entry.lastLine + 1) });
  }
  const fqdn = name === '' ? zone : `${name}.${zone}`;
  const same = atName.find((a) => a.entry.records.some((r) => r.type === type));
  const otherTypes = atName.flatMap((a) => a.entry.records.map((r) => r.type)).filter((t) => t !== type);
  if (action === 'create') {
    if (same) return { ok: false, errors: { name: `${fqdn} already has a ${type} record (in ${same.file}): ask for an update instead.` } };
    if (type === 'CNAME' && otherTypes.length > 0) return { ok: false, errors: { type: `A CNAME cannot sit beside other records: ${fqdn} already has ${[...new Set(otherTypes)].join(', ')}.` } };
    if (otherTypes.includes('CNAME')) return { ok: false, errors: { type: `${fqdn} is a CNAME: no other record can sit beside it.` } };
  } else {
    if (!same) return { ok: false, errors: { name: `${fqdn} has no ${type} record to ${action}${otherTypes.length ? ` (it has ${[...new Set(otherTypes)].join(', ')})` : ''}.` } };
    if (same.file !== source.file) return { ok: false, errors: { file: `${fqdn} ${type} is in ${same.file}: choose that file.` } };
  }
  const after = form.after.trim().toLowerCase() || undefined;
  const request: DnsRequest = { action, zone, file: source.file, name, type, values: action === 'delete' ? [] : values, ttl, reason, after, comment: form.comment.trim() || undefined };
  const edit = editZone(source.text, dnsChangeOf(request));
  if (!edit.ok) return { ok: false, errors: { [after ? 'after' : 'name']: `The zone file cannot take this edit: ${edit.reason}.` } };
  return { ok: true, request, existing: same ? same.lines.join('\n') : undefined };
}

function nameProblem(name: string, zone: string, zones: readonly string[]): string | undefined {
  if (name.endsWith('.')) return `Enter the name relative to the zone, without a trailing dot: for ${name} that is ${relativeOf(name.slice(0, -1), zone) ?? 'the part before the zone'}.`;
  const relative = relativeOf(name, zone);
  if (relative !== undefined) return `Enter the name relative to the zone ${zone}: ${relative === '' ? '@ (the apex)' : relative}, not the full name ${name}.`;
  const other = zones.find((z) => z !== zone && (name === z || name.endsWith(`.${z}`)));
  if (other) return `${name} is in the zone ${other}, not ${zone}: choose a ${other} file and enter the name relative to it.`;
  if (name !== '' && !NAME.test(name)) return 'A name is labels of letters, digits, - and _ separated by dots (@ for the apex).';
  return undefined;
}

function relativeOf(name: string, zone: string): string | undefined {
  if (name === zone) return '';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : undefined;
}

export function dnsChangeOf(request: DnsRequest): DnsChange {
  const record = { name: request.name, type: request.type, values: request.values, ttl: request.ttl };
  if (request.action === 'delete') return { action: 'delete', name: request.name, type: request.type };
  if (request.action === 'update') return { action: 'update', record };
  return { action: 'create', record, after: request.after, comment: request.comment };
}

export function fqdnOf(request: Pick<DnsRequest, 'name' | 'zone'>): string {
  return request.name === '' ? request.zone : `${request.name}.${request.zone}`;
}
