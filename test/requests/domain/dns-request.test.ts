import { describe, expect, it } from 'vitest';
import { checkDnsRequest, type DnsForm, type ZoneSource } from '../../../src/requests/domain/dns-request.ts';
import { isIpv6, valueProblem, yamlScalar } from '../../../src/requests/domain/dns-values.ts';
import { JOBSET } from '../helpers/requests-setup.ts';

const zones: ZoneSource[] = [
  { file: 'k8s.io._0_base.yaml', text: JOBSET.before },
  { file: 'k8s.io.yaml', text: '# delegations\n' },
  { file: 'kubernetes.io._0_base.yaml', text: "'':\n  type: A\n  value: 1.2.3.4\n" },
];
const form = (f: Partial<DnsForm>): DnsForm => ({ action: 'create', file: 'k8s.io._0_base.yaml', name: 'new-site.sigs', type: 'CNAME', values: 'kubernetes-docs.netlifyglobalcdn.com.', ttl: '', reason: 'docs', after: '', comment: '', ...f });
const errorsOf = (f: Partial<DnsForm>) => {
  const r = checkDnsRequest(form(f), zones);
  return r.ok ? {} : r.errors;
};

describe('checking a DNS request against the real k8s.io zone file', () => {
  it('takes a good create and keeps the name relative, the apex as @', () => {
    const r = checkDnsRequest(form({}), zones);
    expect(r).toMatchObject({ ok: true, request: { zone: 'k8s.io', name: 'new-site.sigs', type: 'CNAME' }, existing: undefined });
    expect(checkDnsRequest(form({ action: 'update', name: '@', type: 'TXT', values: 'v=spf1 -all' }), zones)).toMatchObject({ ok: true, request: { name: '' }, existing: expect.stringMatching(/^'':\n/) });
    expect(errorsOf({ file: 'k8s.io.yaml', name: '@', type: 'TXT', values: 'v=spf1 -all' }).name).toBe("k8s.io already has a TXT record (in k8s.io._0_base.yaml): ask for an update instead.");
  });

  it.each([
    ['an FQDN key', { name: 'kueue.sigs.k8s.io' }, 'name', 'Enter the name relative to the zone k8s.io: kueue.sigs, not the full name kueue.sigs.k8s.io.'],
    ['a name of another zone', { name: 'www.kubernetes.io' }, 'name', 'www.kubernetes.io is in the zone kubernetes.io, not k8s.io: choose a kubernetes.io file and enter the name relative to it.'],
    ['the zone itself', { name: 'k8s.io' }, 'name', 'Enter the name relative to the zone k8s.io: @ (the apex), not the full name k8s.io.'],
    ['a bad label', { name: 'bad..name' }, 'name', 'A name is labels of letters, digits, - and _ separated by dots (@ for the apex).'],
    ['an existing record (create)', { name: 'kueue.sigs' }, 'name', 'kueue.sigs.k8s.io already has a CNAME record (in k8s.io._0_base.yaml): ask for an update instead.'],
    ['a missing record (delete)', { action: 'delete', name: 'nope.sigs' }, 'name', 'nope.sigs.k8s.io has no CNAME record to delete.'],
    ['a missing record (update)', { action: 'update', name: 'nope.sigs' }, 'name', 'nope.sigs.k8s.io has no CNAME record to update.'],
    ['the hint left in place', { action: 'one of: Create, Delete, Update' }, 'action', 'Choose create, update or delete.'],
    ['no reason', { reason: '  ' }, 'reason', 'Say why: it goes in the issue for the DNS admins.'],
    ['a TTL out of range', { ttl: '5' }, 'ttl', 'A TTL is a whole number of seconds from 60 to 86400 (leave it empty for the zone default).'],
    ['an anchor that does not exist', { after: 'nowhere' }, 'after', 'The zone file cannot take this edit: there is no record named nowhere to place it after.'],
  ])('refuses %s', (_what, f, field, message) => {
    expect(errorsOf(f)).toEqual({ [field]: message });
  });

  it('refuses NS in a _0_base file (the zone README) and takes it in the zone file', () => {
    expect(errorsOf({ type: 'NS', values: 'ns-cloud-a1.googledomains.com.' }).type).toContain('No NS records in a _0_base file (dns/zone-configs/README.md)');
    expect(checkDnsRequest(form({ file: 'k8s.io.yaml', type: 'NS', values: 'ns-cloud-a1.googledomains.com.\nns-cloud-a2.googledomains.com.' }), zones).ok).toBe(true);
  });

  it('refuses a CNAME beside other records and other records beside a CNAME', () => {
    expect(errorsOf({ name: 'registry', type: 'CNAME' }).type).toMatch(/^A CNAME cannot sit beside other records/);
    expect(errorsOf({ name: 'kueue.sigs', type: 'TXT', values: 'hello' }).type).toBe('kueue.sigs.k8s.io is a CNAME: no other record can sit beside it.');
  });
});

describe('values per type', () => {
  it.each([
    ['A', ['34.107.204.206'], undefined],
    ['A', ['34.107.204.256'], '34.107.204.256 is not an IPv4 address (such as 34.107.204.206).'],
    ['A', ['1.2.3.4', '1.2.3.4'], '1.2.3.4 is listed twice.'],
    ['AAAA', ['2600:1901:0:a7aa::'], undefined],
    ['AAAA', ['2600:1901::a7aa::1'], '2600:1901::a7aa::1 is not an IPv6 address (such as 2600:1901:0:26f3::).'],
    ['CNAME', ['a.example.com', 'b.example.com.'], 'A CNAME has exactly one value.'],
    ['CNAME', ['kubernetes-docs.netlifyglobalcdn.com'], 'A CNAME value ends with a dot: kubernetes-docs.netlifyglobalcdn.com.'],
    ['TXT', ['"v=spf1 -all"'], 'Enter the TXT text without quotes around it (the bot writes the quoting): v=spf1 -all'],
    ['TXT', ['v=DKIM1; k=rsa'], undefined],
    ['TXT', [], 'Enter at least one value.'],
  ] as const)('%s %j', (type, values, problem) => {
    expect(valueProblem(type, values)).toBe(problem);
  });

  it('quotes only what PyYAML would read as something else', () => {
    expect(yamlScalar('35.225.64.149')).toBe('35.225.64.149');
    expect(yamlScalar('2600:1901:0:a7aa::')).toBe('"2600:1901:0:a7aa::"');
    expect(yamlScalar('606e970852')).toBe('606e970852');
    expect(yamlScalar('yes')).toBe('"yes"');
    expect(yamlScalar('1e3')).toBe('1e3');
    expect(yamlScalar('123')).toBe('"123"');
    expect(isIpv6('::ffff:1.2.3.4')).toBe(true);
  });
});
