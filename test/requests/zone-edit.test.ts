import { describe, expect, it } from 'vitest';
import { editZone } from '../../src/requests/domain/zone-edit.ts';
import { readZoneFile } from '../../src/requests/domain/zone-file.ts';
import { sidesOfDiff } from './helpers/real-commits.ts';

const edited = (text: string, change: Parameters<typeof editZone>[1]) => {
  const r = editZone(text, change);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
};

describe('editing an octodns zone file the way the DNS admins did (real kubernetes/k8s.io commits)', () => {
  it('e33c32c9a2e6 (#6806): www.discovery A added below discovery, list form, blank-line spacing', () => {
    const { before, after } = sidesOfDiff('dns-change-e33c32c9a2e6.diff');
    expect(edited(before, { action: 'create', record: { name: 'www.discovery', type: 'A', values: ['35.225.64.149'] } })).toBe(after);
  });

  it('4e5442ea6c6f (#6406): jobset.sigs CNAME with its owner comment, below kueue.sigs', () => {
    const { before, after } = sidesOfDiff('dns-change-4e5442ea6c6f.diff');
    const change = { action: 'create' as const, record: { name: 'jobset.sigs', type: 'CNAME', values: ['kubernetes-docs.netlifyglobalcdn.com.'] }, after: 'kueue.sigs', comment: 'https://github.com/kubernetes-sigs/jobset docs (@moficodes @danielvegamyhre)' };
    expect(edited(before, change)).toBe(after);
  });

  it('647e4f908b8e (#6648): cluster-api.sigs updated, then release-1-7.cluster-api.sigs placed below release-1-6 by itself', () => {
    const { before, after } = sidesOfDiff('dns-change-647e4f908b8e.diff');
    const updated = edited(before, { action: 'update', record: { name: 'cluster-api.sigs', type: 'CNAME', values: ['release-1-7--kubernetes-sigs-cluster-api.netlify.app.'] } });
    expect(edited(updated, { action: 'create', record: { name: 'release-1-7.cluster-api.sigs', type: 'CNAME', values: ['release-1-7--kubernetes-sigs-cluster-api.netlify.app.'] } })).toBe(after);
  });

  it('ff1549a88c56 (#6605): dash removed with the blank line that set it apart', () => {
    const { before, after } = sidesOfDiff('dns-change-ff1549a88c56.diff');
    expect(edited(before, { action: 'delete', name: 'dash', type: 'A' })).toBe(after);
  });

  it('36894189a102 (#6507): monitoring-gke.prow A value changed in place', () => {
    const { before, after } = sidesOfDiff('dns-change-36894189a102.diff');
    expect(edited(before, { action: 'update', record: { name: 'monitoring-gke.prow', type: 'A', values: ['34.49.83.245'] } })).toBe(after);
  });

  it('changes nothing but the one record set (every other entry reads the same)', () => {
    const { before } = sidesOfDiff('dns-change-4e5442ea6c6f.diff');
    const text = edited(before, { action: 'create', record: { name: 'new-site.sigs', type: 'TXT', values: ['v=spf1 include:_spf.google.com; ~all'] } });
    const a = readZoneFile(before);
    const b = readZoneFile(text);
    if (!a.ok || !b.ok) throw new Error('unreadable');
    const plain = (z: typeof a.zone) => z.entries.map((e) => [e.name, e.records.map((r) => [r.type, r.values, r.ttl])]);
    expect(plain(b.zone).filter(([n]) => n !== 'new-site.sigs')).toEqual(plain(a.zone));
    expect(b.zone.entries.find((e) => e.name === 'new-site.sigs')!.records).toMatchObject([{ type: 'TXT', values: ['v=spf1 include:_spf.google.com\\; ~all'] }]);
  });

  it('quotes what PyYAML would read otherwise, and adds a second record to a name as a list', () => {
    const text = "# zone\nregistry-sandbox:\n  type: A\n  value: 34.110.128.221\nother:\n  type: A\n  value: 1.2.3.4\n";
    expect(edited(text, { action: 'create', record: { name: 'registry-sandbox', type: 'AAAA', values: ['2600:1901:0:a7aa::'] } })).toBe(
      '# zone\nregistry-sandbox:\n  - type: A\n    value: 34.110.128.221\n  - type: AAAA\n    value: "2600:1901:0:a7aa::"\nother:\n  type: A\n  value: 1.2.3.4\n',
    );
  });

  it('refuses what it cannot do: a second record of a type, a missing record, a missing anchor', () => {
    const text = 'www:\n  type: A\n  value: 1.2.3.4\n';
    expect(editZone(text, { action: 'create', record: { name: 'www', type: 'A', values: ['1.2.3.5'] } })).toEqual({ ok: false, reason: 'www already has a record of type A' });
    expect(editZone(text, { action: 'delete', name: 'wwx', type: 'A' })).toMatchObject({ ok: false });
    expect(editZone(text, { action: 'create', record: { name: 'x', type: 'A', values: ['1.2.3.5'] }, after: 'nope' })).toMatchObject({ ok: false });
  });
});
