import { describe, expect, it } from 'vitest';
import { buildGroupCatalog } from '../../../src/access/domain/group-catalog.ts';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import { expiryOf, isEmailAddress, validateAccessRequest, type AccessRequestInput } from '../../../src/access/domain/validate-access-request.ts';
import { K8S_IO_CHECKOUT } from '../helpers/fixtures.ts';

const rules = { maxTemporaryAccessDays: 365, lockedGroups: ['k8s-infra-gcp-org-admins@kubernetes.io', 'k8s-infra-group-admins@kubernetes.io'] };
const now = new Date('2022-02-01T15:00:00Z');
const good: AccessRequestInput = {
  group: 'k8s-infra-release-editors@kubernetes.io',
  email: 'new.person@example.com',
  justification: 'Patch release shadow for 1.23.4',
};

describe('validateAccessRequest against the real catalog', async () => {
  const catalog = await loadGroupCatalog(new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT));
  const check = (changes: Partial<AccessRequestInput>) => validateAccessRequest({ ...good, ...changes }, catalog, rules, now);

  it('accepts a good request, permanent or temporary', () => {
    const permanent = check({});
    expect(permanent.ok).toBe(true);
    if (permanent.ok) expect(permanent.value).toEqual({ group: catalog.find(good.group), email: good.email, justification: good.justification });
    const temporary = check({ until: '2022-03-31', email: '  new.person@example.com ' });
    expect(temporary).toMatchObject({ ok: true, value: { email: 'new.person@example.com', until: '2022-03-31', expiresAt: new Date('2022-04-01T00:00:00Z') } });
  });

  it('group: missing, unknown (with a suggestion), pinned by the repo tests', () => {
    expect(check({ group: '' })).toEqual({ ok: false, errors: { group: 'Choose a group.' } });
    expect(check({ group: 'k8s-infra-release-editor@kubernetes.io' })).toEqual({
      ok: false,
      errors: { group: 'There is no group k8s-infra-release-editor@kubernetes.io. Did you mean k8s-infra-release-editors@kubernetes.io?' },
    });
    const locked = check({ group: 'k8s-infra-group-admins@kubernetes.io' });
    expect(locked.ok || locked.errors.group).toMatch(/pinned by the repository's own tests/);
  });

  it('gke-security-groups takes only k8s-infra-rbac-* groups', () => {
    const r = check({ group: 'gke-security-groups@kubernetes.io' });
    expect(r.ok || r.errors.group).toMatch(/^Only k8s-infra-rbac-\*@kubernetes.io groups can be members/);
    const already = check({ group: 'gke-security-groups@kubernetes.io', email: 'k8s-infra-rbac-kettle@kubernetes.io' });
    expect(already.ok || already.errors.email).toBe('k8s-infra-rbac-kettle@kubernetes.io is already a member of gke-security-groups.');
  });

  it('email: missing, malformed, already a member (any case), already an owner, the group itself', () => {
    expect(check({ email: ' ' })).toEqual({ ok: false, errors: { email: 'Enter the e-mail address to add.' } });
    for (const bad of ['jim', 'jim@', '@example.com', 'jim@example', 'jim angel@example.com', 'a..b@example.com', 'jim@-x.com']) {
      expect(check({ email: bad })).toEqual({ ok: false, errors: { email: `${bad} is not an e-mail address.` } });
    }
    expect(check({ email: 'JamesWAngel@gmail.com' })).toEqual({ ok: false, errors: { email: 'JamesWAngel@gmail.com is already a member of k8s-infra-release-editors.' } });
    expect(check({ group: 'sig-k8s-infra-leads@kubernetes.io', email: 'thockin@google.com' })).toEqual({
      ok: false,
      errors: { email: 'thockin@google.com is already an owner of sig-k8s-infra-leads.' },
    });
    expect(check({ email: 'k8s-infra-release-editors@kubernetes.io' }).ok).toBe(false);
  });

  it('justification: at least 10 characters, at most 3000', () => {
    expect(check({ justification: 'pls' })).toEqual({ ok: false, errors: { justification: 'Say why you need this access (at least 10 characters).' } });
    expect(check({ justification: 'x'.repeat(3001) })).toEqual({ ok: false, errors: { justification: 'Keep it under 3000 characters.' } });
  });

  it('until: a real date, after today (UTC), within the limit, on a group that removes members', () => {
    expect(check({ until: '2022-02-30' })).toEqual({ ok: false, errors: { until: 'Pick a date (YYYY-MM-DD).' } });
    expect(check({ until: '2022-02-01' })).toEqual({ ok: false, errors: { until: 'Pick a date after today (UTC).' } });
    expect(check({ until: '2022-02-02' }).ok).toBe(true);
    expect(check({ until: '2023-02-01' }).ok).toBe(true);
    expect(check({ until: '2023-02-02' })).toEqual({ ok: false, errors: { until: 'At most 365 days ahead; ask again to extend later.' } });
    const steering = check({ group: 'steering@kubernetes.io', until: '2022-03-01' });
    expect(steering.ok || steering.errors.until).toMatch(/^steering does not remove members dropped from groups.yaml/);
    expect(check({ group: 'steering@kubernetes.io' }).ok).toBe(true);
  });

  it('reports every bad field at once', () => {
    const r = check({ group: 'nope', email: 'x', justification: '', until: 'soon' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['email', 'group', 'justification', 'until']);
  });
});

describe('naming rules on synthetic catalogs', () => {
  const restrictions = 'restrictions:\n  - path: "sig-a/groups.yaml"\n    allowedGroups:\n      - "^k8s-infra-a@kubernetes.io$"\n      - "^k8s-infra-owned@kubernetes.io$"\n      - "^k8s-infra-loose@kubernetes.io$"\n  - path: "**/*"\n';
  const catalog = buildGroupCatalog(
    new Map([
      ['groups/restrictions.yaml', restrictions],
      [
        'groups/sig-a/groups.yaml',
        [
          'groups:',
          '  - email-id: k8s-infra-a@kubernetes.io',
          '    settings: { ReconcileMembers: "true" }',
          '  - email-id: k8s-infra-owned@kubernetes.io',
          '    settings: { ReconcileMembers: "true" }',
          '    owners: [boss@example.com]',
          '  - email-id: k8s-infra-loose@kubernetes.io',
          '  - email-id: k8s-infra-elsewhere@kubernetes.io',
          '    settings: { ReconcileMembers: "true" }',
        ].join('\n'),
      ],
    ]),
  );
  const groupError = (group: string) => {
    const r = validateAccessRequest({ ...good, group }, catalog, rules, now);
    return r.ok ? undefined : r.errors.group;
  };

  it('refuses groups restrictions.yaml does not allow in their file', () => {
    expect(groupError('k8s-infra-a@kubernetes.io')).toBeUndefined();
    expect(groupError('k8s-infra-elsewhere@kubernetes.io')).toBe(
      "groups/sig-a/groups.yaml may not define k8s-infra-elsewhere@kubernetes.io (restrictions.yaml), so the repository's tests reject any change to it. Ask the group's approvers.",
    );
  });

  it('refuses k8s-infra* groups with owners or without ReconcileMembers', () => {
    expect(groupError('k8s-infra-owned@kubernetes.io')).toBe(
      'k8s-infra-owned@kubernetes.io has owners, but k8s-infra* groups must have no owners, only members; fix groups/sig-a/groups.yaml first.',
    );
    expect(groupError('k8s-infra-loose@kubernetes.io')).toMatch(/lacks ReconcileMembers: "true"/);
  });
});

describe('helpers', () => {
  it('isEmailAddress', () => {
    expect(isEmailAddress('Security@Ubuntu.com')).toBe(true);
    expect(isEmailAddress('k8s@auggie.dev')).toBe(true);
    expect(isEmailAddress('a+tag@sub.example.co.uk')).toBe(true);
    expect(isEmailAddress('a.@example.com')).toBe(false);
  });
  it('expiryOf: the next UTC midnight', () => {
    expect(expiryOf('2024-02-29').toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(() => expiryOf('2023-02-29')).toThrow();
  });
});
