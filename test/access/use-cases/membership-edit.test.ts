import { describe, expect, it } from 'vitest';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { membershipEdit } from '../../../src/access/use-cases/membership-edit.ts';
import { InMemoryGroupsSource } from '../helpers/in-memory-groups-source.ts';
import { k8sIoGroupsFiles } from '../helpers/k8s-io-files.ts';

const FILES = k8sIoGroupsFiles();
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const AUDITORS = 'k8s-infra-gcp-auditors@kubernetes.io';

async function deps() {
  const catalog = await loadGroupCatalog(new InMemoryGroupsSource(FILES));
  return { catalog: { get: async () => catalog, refresh: async () => catalog }, repo: 'kubernetes/k8s.io', branch: 'main' };
}

/** The lines between the common head and tail of two texts: what a diff shows. */
const changed = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  return { removed: a.slice(i, a.length - j), added: b.slice(i, b.length - j), lengths: b.length - a.length };
};

describe('membershipEdit (the access api other capabilities edit a group through)', () => {
  it('names the defining groups.yaml and adds one sorted line to real kubernetes/k8s.io content', async () => {
    const e = await membershipEdit(await deps(), AUDITORS.toUpperCase(), { kind: 'add', email: 'hh@example.org' });
    expect({ repo: e.repo, branch: e.branch, path: e.path }).toEqual({ repo: 'kubernetes/k8s.io', branch: 'main', path: FILE });
    const out = e.edit(FILES[FILE]!)!;
    expect(changed(FILES[FILE]!, out)).toEqual({ removed: [], added: ['      - hh@example.org'], lengths: 1 });
    expect(out).toContain('      - davanum@gmail.com\n      - hh@example.org\n      - ihor@cncf.io\n');
    // Already a member: nothing to do.
    expect(e.edit(out)).toBeUndefined();
  });

  it('removes the line, and does nothing for someone not a member', async () => {
    const d = await deps();
    const out = (await membershipEdit(d, AUDITORS, { kind: 'remove', email: 'thockin@google.com' })).edit(FILES[FILE]!)!;
    expect(changed(FILES[FILE]!, out)).toEqual({ removed: ['      - thockin@google.com'], added: [], lengths: -1 });
    expect((await membershipEdit(d, AUDITORS, { kind: 'remove', email: 'nobody@example.org' })).edit(FILES[FILE]!)).toBeUndefined();
  });

  it('refuses a group no file defines', async () => {
    await expect(membershipEdit(await deps(), 'k8s-infra-nope@kubernetes.io', { kind: 'add', email: 'x@example.org' })).rejects.toThrow(/not defined/);
  });
});
