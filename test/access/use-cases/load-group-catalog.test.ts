import { describe, expect, it } from 'vitest';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { InMemoryGroupsSource } from '../helpers/in-memory-groups-source.ts';

const restrictions = `restrictions:
  - path: "sig-a/groups.yaml"
    allowedGroups:
      - "^k8s-infra-a@kubernetes.io$"
  - path: "**/*"
`;
const group = (id: string) => `  - email-id: ${id}\n    name: ${id.split('@')[0]}\n    settings:\n      ReconcileMembers: "true"\n    members:\n      - someone@example.com\n`;

describe('loadGroupCatalog', () => {
  it('walks past OWNERS without no_parent_owners, honours filters, and reads the repository root', async () => {
    const source = new InMemoryGroupsSource({
      OWNERS: 'approvers:\n  - root-approver\n',
      OWNERS_ALIASES: 'aliases:\n  team-a:\n    - Alice\n    - bob\n',
      'groups/OWNERS': 'approvers:\n  - groups-approver\n',
      'groups/restrictions.yaml': restrictions,
      'groups/sig-a/OWNERS': 'approvers:\n  - team-a\n  - alice\nfilters:\n  "groups\\\\.yaml$":\n    approvers:\n      - yaml-expert\n',
      'groups/sig-a/groups.yaml': `groups:\n${group('k8s-infra-a@kubernetes.io')}`,
    });
    const catalog = await loadGroupCatalog(source);
    const g = catalog.find('k8s-infra-a@kubernetes.io')!;
    expect(g.nearestApprovers).toEqual(['Alice', 'bob', 'yaml-expert']);
    expect(g.approvers).toEqual(['Alice', 'bob', 'yaml-expert', 'groups-approver', 'root-approver']);
  });
});
