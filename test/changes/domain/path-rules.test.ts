import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH_RULES, changesSettingsSchema } from '../../../src/changes/config.ts';
import { globToRegExp, matchPathRules, type ChangedFile } from '../../../src/changes/domain/path-rules.ts';
import { fixture, withNewRbacMember, withNewRestriction, withNewStagingGroup } from '../helpers/k8s-io-repo.ts';

const rules = changesSettingsSchema.parse({ pathRules: DEFAULT_PATH_RULES }).pathRules;
const zone = fixture('dns/zone-configs/k8s.io._0_base.yaml');
const modified = (path: string, before: string, after: string): ChangedFile => ({ path, status: 'modified', before, after });

describe('path rules on a pull request’s files (real kubernetes/k8s.io files)', () => {
  it('globs: * within a folder, ** across folders (and none)', () => {
    expect(globToRegExp('groups/**/groups.yaml').test('groups/groups.yaml')).toBe(true);
    expect(globToRegExp('groups/**/groups.yaml').test('groups/sig-release/groups.yaml')).toBe(true);
    expect(globToRegExp('groups/sig-*/groups.yaml').test('groups/sig-release/x/groups.yaml')).toBe(false);
    expect(globToRegExp('dns/zone-configs/*.yaml').test('dns/zone-configs/k8s.io._0_base.yaml')).toBe(true);
    expect(globToRegExp('a.b/c?.yaml').test('aXb/c1.yaml')).toBe(false);
  });

  it('restrictions.yaml is high, whatever changed in it', () => {
    const r = matchPathRules([modified('groups/restrictions.yaml', fixture('groups/restrictions.yaml'), withNewRestriction())], rules);
    expect(r).toEqual({ pathTier: 'high', matches: [{ rule: 'Group restrictions', tier: 'high', path: 'groups/restrictions.yaml', detail: 'modified' }] });
  });

  it('a member added to gke-security-groups is high; one added to another group of the file is not', () => {
    const file = 'groups/sig-k8s-infra/groups.yaml';
    const rbac = matchPathRules([modified(file, fixture(file), withNewRbacMember())], rules);
    expect(rbac.pathTier).toBe('high');
    expect(rbac.matches).toContainEqual({ rule: 'gke-security-groups membership', tier: 'high', path: file, detail: 'membership of gke-security-groups@kubernetes.io' });
    const other = fixture(file).replace('      - bb@ii.coop\n', '      - bb@ii.coop\n      - newcomer@ii.coop\n');
    expect(matchPathRules([modified(file, fixture(file), other)], rules).pathTier).toBe('low');
  });

  it('a new staging project’s group is medium; a member in a SIG group is low', () => {
    const file = 'groups/sig-release/groups.yaml';
    const staging = matchPathRules([modified(file, fixture(file), withNewStagingGroup())], rules);
    expect(staging.pathTier).toBe('medium');
    expect(staging.matches.map((m) => m.detail)).toContain('new group k8s-infra-staging-release-notes@kubernetes.io');
    const member = fixture(file).replace('      - saschagrunert@gmail.com\n', '      - saschagrunert@gmail.com\n      - someone@example.org\n');
    expect(matchPathRules([modified(file, fixture(file), member)], rules)).toEqual({ pathTier: 'low', matches: [{ rule: 'SIG group membership', tier: 'low', path: file, detail: 'modified' }] });
  });

  it('NS records in a zone are high (a delegation), other records are not; read as PyYAML reads them', () => {
    const path = 'dns/zone-configs/k8s.io._0_base.yaml';
    const delegated = `${zone}\nsandbox:\n  type: NS\n  values:\n    - ns-cloud-a1.googledomains.com.\n    - ns-cloud-a2.googledomains.com.\n`;
    expect(matchPathRules([modified(path, zone, delegated)], rules).matches).toEqual([{ rule: 'NS records (DNS delegation)', tier: 'high', path, detail: 'NS records of sandbox' }]);
    const cname = `${zone}\nnewthing:\n  type: CNAME\n  value: k8s.io.\n`;
    expect(matchPathRules([modified(path, zone, cname)], rules).matches).toEqual([]);
    // Reordering the file or adding comments changes no record.
    expect(matchPathRules([modified(path, zone, `# a comment\n${zone}`)], rules).matches).toEqual([]);
  });

  it('applies a content rule to a file it cannot read or parse, to be safe', () => {
    const path = 'dns/zone-configs/k8s.io._0_base.yaml';
    expect(matchPathRules([{ path, status: 'modified', unreadable: 'GitHub read: HTTP 500' }], rules).pathTier).toBe('high');
    const broken = matchPathRules([modified(path, zone, 'www: {type: CNAME\n')], rules);
    expect(broken.pathTier).toBe('high');
    expect(broken.matches[0]!.detail).toMatch(/^not valid YAML/);
    // yaml.v2 and octodns refuse a duplicate key; so does the rule (it applies).
    expect(matchPathRules([modified(path, zone, `${zone}\nwww:\n  type: NS\n  value: x.\n`)], rules).pathTier).toBe('high');
  });

  it('covers renames by either name, and suggests low when nothing matches', () => {
    expect(matchPathRules([{ path: 'groups/old.yaml', previousPath: 'groups/restrictions.yaml', status: 'renamed' }], rules).pathTier).toBe('high');
    expect(matchPathRules([{ path: 'README.md', status: 'modified' }], rules)).toEqual({ pathTier: 'low', matches: [] });
  });
});
