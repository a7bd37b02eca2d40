import { describe, expect, it } from 'vitest';
import { ownersDirs, ownersOf, parseOwnersAliases, parseOwnersFile, type OwnersFile } from '../../../src/changes/domain/owners-files.ts';
import { fixture } from '../helpers/k8s-io-repo.ts';

const aliases = parseOwnersAliases(fixture('OWNERS_ALIASES'));

function byDir(...files: [string, string][]): Map<string, OwnersFile> {
  return new Map(files.map(([dir, text]) => [dir, parseOwnersFile(dir, text)]));
}

describe('OWNERS files, read as Prow reads them', () => {
  it('reads the real groups/ OWNERS: approvers, reviewers, no_parent_owners', () => {
    const groups = parseOwnersFile('groups', fixture('groups/OWNERS'));
    expect(groups).toMatchObject({ noParentOwners: true, approvers: ['ameukam', 'cblecker', 'dims', 'thockin', 'spiffxp', 'nikhita'], reviewers: ['MadhavJivrajani'] });
  });

  it('expands aliases from the real OWNERS_ALIASES and stops at no_parent_owners', () => {
    const owners = byDir(['groups', fixture('groups/OWNERS')], ['groups/sig-release', fixture('groups/sig-release/OWNERS')], ['', 'approvers:\n- root-approver\n']);
    const r = ownersOf(['groups/sig-release/groups.yaml'], owners, aliases);
    expect(r.entries).toEqual([{ file: 'groups/sig-release/OWNERS', approvers: ['cpanato', 'jeremyrickard', 'justaugustus', 'puerco', 'saschagrunert'], reviewers: ['cpanato', 'jeremyrickard', 'justaugustus', 'puerco', 'saschagrunert'] }]);
    // Nearest first, then the parents up to groups/ (no_parent_owners: the root's approver is not asked).
    expect(r.approvers).toEqual(['cpanato', 'jeremyrickard', 'justaugustus', 'puerco', 'saschagrunert', 'ameukam', 'cblecker', 'dims', 'thockin', 'spiffxp', 'nikhita']);
  });

  it('applies per-file filters by regex on the path relative to the folder', () => {
    const owners = byDir(['dns', 'approvers: [dns-admin]\nfilters:\n  "\\\\.yaml$":\n    approvers: [zone-owner]\n  "^README":\n    approvers: [docs-person]\n']);
    expect(ownersOf(['dns/zone-configs.yaml'], owners, aliases).approvers).toEqual(['dns-admin', 'zone-owner']);
    expect(ownersOf(['dns/README.md'], owners, aliases).approvers).toEqual(['dns-admin', 'docs-person']);
  });

  it('uses YAML 1.1 as sigs.k8s.io/yaml does: `on` is "true", `0123` is "83", and a duplicate key is an error', () => {
    const f = parseOwnersFile('x', 'approvers:\n- on\n- 0123\n- Dims\n- ~\nreviewers: [yes]\n');
    expect(f.approvers).toEqual(['true', '83', 'Dims']);
    expect(f.reviewers).toEqual(['true']);
    expect(() => parseOwnersFile('x', 'approvers: [a]\napprovers: [b]\n')).toThrow(/unique/);
  });

  it('compares logins without case, keeping the first spelling', () => {
    const owners = byDir(['a', 'approvers: [BenTheElder]\n'], ['a/b', 'approvers: [bentheelder, sig-testing-leads]\n']);
    expect(ownersOf(['a/b/file'], owners, aliases).approvers).toEqual(['bentheelder', 'alvaroaleman', 'cjwagner', 'spiffxp', 'stevekuznetsov']);
  });

  it('lists every folder that may hold an OWNERS file, deepest first', () => {
    expect(ownersDirs(['groups/sig-release/groups.yaml', 'groups/restrictions.yaml'])).toEqual(['groups/sig-release', 'groups', '']);
  });
});
