import { canonicalDnsValue } from '../domain/dns-values.ts';
import type { DnsAnswer, DnsClient, DnsQueryType } from '../../integrations/dns/dns-client.ts';
import type { OctodnsRecord } from '../domain/octodns-zone.ts';
import { severityOf, worstState, type Probe, type ProbeState, type ProbeVerdict } from '../domain/probe.ts';

export const PROBED_DNS_TYPES: readonly DnsQueryType[] = ['A', 'AAAA', 'CNAME', 'TXT', 'MX', 'CAA'];

export interface DnsProbeOptions {
  id?: string;
  name?: string;
  zone: string;
  /** The zone-config record sets to check (already filtered to the wanted names and types). */
  expected: readonly OctodnsRecord[];
  client: DnsClient;
}

interface RecordFinding {
  state: ProbeState;
  text: string;
}

/**
 * Resolves each record set and compares it with the zone config. Choice, for alerting:
 * - answer equals the config: ok;
 * - answer differs (drift): degraded;
 * - the resolver says the name or record does not exist (NXDOMAIN / NODATA): down, people get nothing;
 * - no usable answer (timeout, SERVFAIL, refused): unknown, since that is as likely our resolver path
 *   as the zone, and a page on it would mostly be noise.
 */
export function createDnsProbe(options: DnsProbeOptions): Probe {
  const records = options.expected.filter((r) => (PROBED_DNS_TYPES as readonly string[]).includes(r.type));
  if (records.length === 0) throw new Error(`dns probe for ${options.zone}: no record to check`);
  const names = [...new Set(records.map((r) => r.name))];
  const shownNames = names.map((n) => (n === '' ? '@' : n)).join(',');

  return {
    id: options.id ?? `dns:${options.zone}:${shownNames}`,
    type: 'dns',
    label: options.name ?? `DNS ${names.map((n) => (n === '' ? options.zone : `${n}.${options.zone}`)).join(', ')}`,
    async run(signal) {
      const findings = await Promise.all(
        records.map(async (record) => judge(record, await options.client.query(record.fqdn, record.type as DnsQueryType, signal))),
      );
      return summarize(findings, records.length);
    },
  };
}

function judge(record: OctodnsRecord, answer: DnsAnswer): RecordFinding {
  const what = `${record.fqdn} ${record.type}`;
  switch (answer.kind) {
    case 'no-such-name':
      return { state: 'down', text: `${what}: name does not exist` };
    case 'no-data':
      return { state: 'down', text: `${what}: no record` };
    case 'failed':
      return { state: 'unknown', text: `${what}: ${answer.reason}` };
    case 'answer': {
      const want = canonicalSet(record.type, record.values);
      const got = canonicalSet(record.type, answer.values);
      if (sameSet(want, got)) return { state: 'ok', text: what };
      return { state: 'degraded', text: `${what} is ${answer.values.join(' ')} (zone config: ${record.values.join(' ')})` };
    }
  }
}

function summarize(findings: RecordFinding[], total: number): ProbeVerdict {
  const state = worstState(findings.map((f) => f.state)) ?? 'unknown';
  if (state === 'ok') return { state, detail: total === 1 ? 'record set matches the zone config' : `${total} record sets match the zone config` };
  const bad = findings.filter((f) => f.state !== 'ok').sort((a, b) => severityOf(b.state) - severityOf(a.state));
  const shown = bad.slice(0, 2).map((f) => f.text);
  const more = bad.length > 2 ? `; +${bad.length - 2} more` : '';
  return { state, detail: `${shown.join('; ')}${more}` };
}

function canonicalSet(type: string, values: readonly string[]): Set<string> {
  return new Set(values.map((v) => canonicalDnsValue(type, v)));
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((v) => b.has(v));
}
