import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalDnsValue, canonicalIpv6 } from '../../../src/status/domain/dns-values.ts';
import { loadOctodnsZones } from '../../../src/status/load-octodns-zones.ts';
import { OctodnsZoneError, readOctodnsZone } from '../../../src/status/domain/octodns-zone.ts';

const zoneDir = new URL('../../fixtures/k8s.io/dns/zone-configs/', import.meta.url);
const k8sIo = readFileSync(new URL('k8s.io._0_base.yaml', zoneDir), 'utf8');

describe('readOctodnsZone on the real k8s.io zone config', () => {
  const records = readOctodnsZone(k8sIo, 'k8s.io.');

  it('reads every record set: single records and lists, value and values', () => {
    expect(records).toHaveLength(92);
    expect(new Set(records.map((r) => r.name)).size).toBe(84);
    const apex = records.filter((r) => r.name === '');
    expect(apex.map((r) => r.type)).toEqual(['A', 'AAAA', 'MX', 'TXT']);
    expect(apex.every((r) => r.fqdn === 'k8s.io')).toBe(true);
    expect(apex[1]!.values).toEqual(['2600:1901:0:26f3::']);
    expect(apex[2]!.values).toEqual([
      '1 aspmx.l.google.com.',
      '5 alt1.aspmx.l.google.com.',
      '5 alt2.aspmx.l.google.com.',
      '10 alt3.aspmx.l.google.com.',
      '10 alt4.aspmx.l.google.com.',
    ]);
    expect(apex[3]!.values).toContain('v=spf1 include:_spf.google.com ~all');
  });

  it('keeps subdomains, ttl and multi-value sets', () => {
    expect(records.find((r) => r.name === 'www')).toEqual({ name: 'www', fqdn: 'www.k8s.io', type: 'CNAME', ttl: undefined, values: ['k8s.io.'] });
    expect(records.find((r) => r.name === 'prow')).toMatchObject({ type: 'A', ttl: 600, values: ['35.186.196.185'] });
    expect(records.find((r) => r.name === 'release.triage')).toMatchObject({ fqdn: 'release.triage.k8s.io', values: ['35.186.239.70'] });
    expect(records.find((r) => r.name === 'gubernator' && r.type === 'A')!.values).toHaveLength(4);
    expect(records.find((r) => r.name === '*.docs')).toMatchObject({ type: 'CNAME', values: ['netlifyglobalcdn.com.'] });
  });

  it('reads CAA records of kubernetes.io', () => {
    const text = readFileSync(new URL('kubernetes.io._0_base.yaml', zoneDir), 'utf8');
    const caa = readOctodnsZone(text, 'kubernetes.io').filter((r) => r.type === 'CAA');
    expect(caa).toEqual([{ name: '', fqdn: 'kubernetes.io', type: 'CAA', ttl: undefined, values: ['0 issue pki.goog', '0 issue letsencrypt.org'] }]);
  });

  it('loads a zone-configs directory, merging split files per zone', () => {
    const zones = loadOctodnsZones(zoneDir.pathname);
    expect([...zones.keys()].sort()).toEqual(['k8s.dev', 'k8s.io', 'kubernetes.io', 'x-k8s.io']);
    expect(zones.get('k8s.io')).toHaveLength(92);
    expect(zones.get('x-k8s.io')!.map((r) => `${r.fqdn} ${r.type}`)).toEqual(['x-k8s.io A', 'x-k8s.io AAAA']);
  });
});

describe('readOctodnsZone errors', () => {
  it('says which record is broken', () => {
    expect(() => readOctodnsZone('www:\n  value: k8s.io.\n', 'k8s.io')).toThrow(new OctodnsZoneError("zone k8s.io: 'www': missing or invalid type"));
    expect(() => readOctodnsZone("'':\n  - type: A\n    value: 1.2.3.4\n  - type: AAAA\n", 'k8s.io')).toThrow("zone k8s.io: ''[1]: AAAA record without value or values");
    expect(() => readOctodnsZone('- a\n- b\n', 'k8s.io')).toThrow('expected a mapping');
    expect(() => readOctodnsZone("'':\n  type: MX\n  value: mx.example.\n", 'k8s.io')).toThrow('MX value needs exchange and preference');
    expect(() => readOctodnsZone('x:\n  type: A\n  ttl: soon\n  value: 1.2.3.4\n', 'k8s.io')).toThrow('ttl must be');
  });

  it('treats an empty file as an empty zone', () => {
    expect(readOctodnsZone('# nothing yet\n', 'k8s.io')).toEqual([]);
  });
});

describe('canonical DNS values', () => {
  it('compares IPv6 addresses whatever their spelling', () => {
    expect(canonicalIpv6('2600:1901:0:26f3::')).toBe('2600:1901:0000:26f3:0000:0000:0000:0000');
    expect(canonicalIpv6('2001:4860:4802:32:0:0:0:15')).toBe(canonicalIpv6('2001:4860:4802:32::15'));
    expect(canonicalIpv6('::ffff:1.2.3.4')).toBe('0000:0000:0000:0000:0000:ffff:0102:0304');
    expect(canonicalIpv6('not:an:address')).toBe('not:an:address');
  });

  it('ignores case and the trailing dot of names, and octodns TXT escapes', () => {
    expect(canonicalDnsValue('CNAME', 'Redirect.K8s.io.')).toBe(canonicalDnsValue('CNAME', 'redirect.k8s.io'));
    expect(canonicalDnsValue('MX', '10 alt3.aspmx.l.google.com.')).toBe('10 alt3.aspmx.l.google.com');
    expect(canonicalDnsValue('TXT', 'v=DKIM1\\; k=rsa')).toBe('v=DKIM1; k=rsa');
  });
});
