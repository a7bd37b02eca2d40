import { describe, expect, it } from 'vitest';
import { editedGroupViolations, groupRuleViolations, rbacGroupProblem, selfAdditionProblem } from '../../../src/access/domain/group-rules.ts';
import { validateAccessRequest } from '../../../src/access/domain/validate-access-request.ts';
import { readK8sIo } from '../helpers/fixtures.ts';
import { k8sIoCatalog, rules } from '../helpers/use-case-fixtures.ts';

describe('the repository’s group rules (groups_test.go, validate.go), each on a real file', async () => {
  const catalog = await k8sIoCatalog();
  const group = (id: string) => catalog.find(id)!;

  it('every group of the real files passes them', () => {
    expect(catalog.groups.length).toBeGreaterThan(100);
    // The main branch passes its own tests: its few lists owned by contributors@ are what it allows, and the bot only refuses what a change newly breaks.
    expect(catalog.groups.flatMap((g) => groupRuleViolations(g).map((p) => `${g.emailId}: ${p}`))).toEqual([
      'leads@kubernetes.io: a group cannot own a group (contributors@kubernetes.io)',
      'dev@kubernetes.io: a group cannot own a group (contributors@kubernetes.io)',
      'security-tooling-private@kubernetes.io: a group cannot own a group (contributors@kubernetes.io)',
    ]);
    expect(catalog.groups.flatMap((g) => rbacGroupProblem(g, catalog.find('gke-security-groups@kubernetes.io')) ?? [])).toEqual([]);
  });

  it('group e-mails are name@kubernetes.io', () => {
    expect(groupRuleViolations({ ...group('k8s-infra-gcp-auditors@kubernetes.io'), emailId: 'k8s-infra-gcp-auditors@example.com' })).toEqual(['k8s-infra-gcp-auditors@example.com is not a name@kubernetes.io address']);
  });

  it('k8s-infra* groups have no owners and ReconcileMembers: "true"', () => {
    const g = group('k8s-infra-gcp-auditors@kubernetes.io');
    expect(groupRuleViolations({ ...g, owners: ['thockin@google.com'] })).toContain('k8s-infra* groups must have no owners, only members');
    expect(groupRuleViolations({ ...g, settings: {} })).toContain('k8s-infra* groups need ReconcileMembers: "true"');
  });

  it('k8s-infra-rbac-* groups must be members of gke-security-groups@', () => {
    const rbac = group('k8s-infra-rbac-triageparty-release@kubernetes.io');
    const gke = group('gke-security-groups@kubernetes.io');
    expect(rbacGroupProblem(rbac, gke)).toBeUndefined();
    expect(rbacGroupProblem(rbac, { members: gke.members.filter((m) => m !== rbac.emailId) })).toMatch(/is not a member of gke-security-groups@kubernetes.io/);
  });

  it('an address appears at most once across owners, managers and members; a group cannot own a group', () => {
    const g = group('release-managers@kubernetes.io');
    expect(groupRuleViolations({ ...g, managers: [g.members.at(-1)!] })).toEqual([`${g.members.at(-1)!.toLowerCase()} appears in managers and members`]);
    expect(groupRuleViolations({ ...g, owners: [...g.owners, 'sig-release-leads@kubernetes.io'] })).toEqual(['a group cannot own a group (sig-release-leads@kubernetes.io)']);
  });

  it('descriptions are at most 300 characters', () => {
    const g = group('k8s-infra-gcp-auditors@kubernetes.io');
    expect(groupRuleViolations({ ...g, description: 'x'.repeat(301) })).toEqual(['its description is 301 characters (at most 300)']);
  });

  it('leads@ groups refuse self-addition by non-leads (in the modal, inline)', () => {
    const leads = group('leads@kubernetes.io');
    expect(selfAdditionProblem(leads, 'jim@example.org', { email: 'jim@example.org', github: 'jimangel' }, leads.approvers)).toBe('You cannot add yourself to leads@kubernetes.io; leads add new leads.');
    expect(selfAdditionProblem(leads, 'jim@example.org', { email: 'jim@example.org', github: leads.approvers[0] }, leads.approvers)).toBeUndefined();
    expect(selfAdditionProblem(leads, 'someone.else@example.org', { email: 'jim@example.org', github: 'jimangel' }, leads.approvers)).toBeUndefined();
    const v = validateAccessRequest({ group: leads.emailId, email: 'jim@example.org', justification: 'I lead a subproject now.', requester: { email: 'jim@example.org', github: 'jimangel' } }, catalog, rules, new Date('2022-01-19T12:00:00Z'));
    expect(v).toEqual({ ok: false, errors: { email: 'You cannot add yourself to leads@kubernetes.io; leads add new leads.' } });
  });

  it('a group breaking a rule is refused in the modal; the edited file is checked again before the pull request', () => {
    const file = 'groups/sig-k8s-infra/groups.yaml';
    const text = readK8sIo(file);
    expect(editedGroupViolations(text, 'k8s-infra-gcp-auditors@kubernetes.io')).toEqual([]);
    const broken = text.replace('  - email-id: k8s-infra-gcp-auditors@kubernetes.io\n', '  - email-id: k8s-infra-gcp-auditors@kubernetes.io\n    owners:\n      - thockin@google.com\n');
    expect(broken).not.toBe(text);
    expect(editedGroupViolations(broken, 'k8s-infra-gcp-auditors@kubernetes.io')).toContain('k8s-infra* groups must have no owners, only members');
  });
});
