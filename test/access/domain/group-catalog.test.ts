import { describe, expect, it } from 'vitest';
import { buildGroupCatalog } from '../../../src/access/domain/group-catalog.ts';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import { K8S_IO_CHECKOUT } from '../helpers/fixtures.ts';

const rootApprovers = ['ameukam', 'cblecker', 'dims', 'thockin', 'spiffxp', 'nikhita'];

describe('group catalog from the real k8s.io checkout', async () => {
  const catalog = await loadGroupCatalog(new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT, 'groups'));

  it('reads every group of every groups.yaml, with no problems', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.groups).toHaveLength(160);
    expect(catalog.restrictions.length).toBeGreaterThan(25);
    expect(catalog.groups.every((g) => g.allowedByRestrictions)).toBe(true);
  });

  it('knows a group: file, line, name, description, settings, members', () => {
    const g = catalog.find('k8s-infra-release-editors@kubernetes.io')!;
    expect(g).toMatchObject({
      file: 'groups/sig-release/groups.yaml',
      line: 31,
      name: 'k8s-infra-release-editors',
      settings: { ReconcileMembers: 'true' },
      owners: [],
      managers: [],
    });
    expect(g.description).toMatch(/^ACL for Patch Release Team and Branch Managers/);
    expect(g.members).toContain('jameswangel@gmail.com');
    expect(catalog.find('K8S-INFRA-RELEASE-EDITORS@kubernetes.io')).toBe(g);
    expect(catalog.find('k8s-infra-release-editors')).toBe(g);
  });

  it('approvers: nearest OWNERS with aliases expanded, plus groups/OWNERS, which stops the walk (no_parent_owners)', () => {
    const g = catalog.find('k8s-infra-release-editors@kubernetes.io')!;
    const releaseLeads = ['cpanato', 'jeremyrickard', 'justaugustus', 'puerco', 'saschagrunert'];
    expect(g.ownersFile).toBe('groups/sig-release/OWNERS');
    expect(g.nearestApprovers).toEqual(releaseLeads);
    expect(g.approvers).toEqual([...releaseLeads, ...rootApprovers]);

    const infra = catalog.find('k8s-infra-gcp-auditors@kubernetes.io')!;
    // sig-k8s-infra-leads (ameukam, dims, spiffxp, thockin) overlap the root approvers: listed once.
    expect(infra.approvers).toEqual(['ameukam', 'dims', 'spiffxp', 'thockin', 'cblecker', 'nikhita']);

    const leads = catalog.find('leads@kubernetes.io')!;
    expect(leads.file).toBe('groups/groups.yaml');
    expect(leads.ownersFile).toBe('groups/OWNERS');
    expect(leads.approvers).toEqual(rootApprovers);
  });
});

const restrictions = `restrictions:
  - path: "sig-a/groups.yaml"
    allowedGroups:
      - "^k8s-infra-a@kubernetes.io$"
  - path: "**/*"
`;
const group = (id: string) => `  - email-id: ${id}\n    name: ${id.split('@')[0]}\n    settings:\n      ReconcileMembers: "true"\n    members:\n      - someone@example.com\n`;

describe('group catalog rules', () => {
  it('marks groups defined where restrictions.yaml forbids them', () => {
    const catalog = buildGroupCatalog(
      new Map([
        ['groups/restrictions.yaml', restrictions],
        ['groups/sig-a/groups.yaml', `groups:\n${group('k8s-infra-a@kubernetes.io')}${group('k8s-infra-sneaky@kubernetes.io')}`],
        ['groups/sig-b/groups.yaml', `groups:\n${group('k8s-infra-b@kubernetes.io')}`],
      ]),
    );
    expect(catalog.groups.map((g) => [g.emailId, g.allowedByRestrictions])).toEqual([
      ['k8s-infra-a@kubernetes.io', true],
      ['k8s-infra-sneaky@kubernetes.io', false],
      ['k8s-infra-b@kubernetes.io', false],
    ]);
  });

  it('reports an unparseable or duplicated file and keeps the rest', () => {
    const catalog = buildGroupCatalog(
      new Map([
        ['groups/restrictions.yaml', 'restrictions:\n  - path: "**/*"\n    allowedGroups: [".*"]\n'],
        ['groups/a/groups.yaml', `groups:\n${group('k8s-infra-a@kubernetes.io')}`],
        ['groups/b/groups.yaml', 'groups:\n  - email-id: [broken\n'],
        ['groups/c/groups.yaml', `groups:\n${group('k8s-infra-a@kubernetes.io')}${group('k8s-infra-c@kubernetes.io')}`],
      ]),
    );
    expect(catalog.groups.map((g) => g.emailId)).toEqual(['k8s-infra-a@kubernetes.io', 'k8s-infra-c@kubernetes.io']);
    expect(catalog.problems).toEqual([
      expect.objectContaining({ file: 'groups/b/groups.yaml', message: expect.stringMatching(/^YAML syntax/) }),
      { file: 'groups/c/groups.yaml', line: 2, message: 'group k8s-infra-a@kubernetes.io is already defined in groups/a/groups.yaml' },
    ]);
  });
});
