import { describe, expect, it } from 'vitest';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import { searchGroups, MAX_GROUP_OPTIONS } from '../../../src/access/domain/search-groups.ts';
import { K8S_IO_CHECKOUT } from '../helpers/fixtures.ts';

describe('searchGroups over the real catalog', async () => {
  const catalog = await loadGroupCatalog(new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT));

  it('caps the options at 100 (Slack) and lists everything alphabetically for an empty query', () => {
    const all = searchGroups(catalog, '');
    expect(catalog.groups.length).toBeGreaterThan(MAX_GROUP_OPTIONS);
    expect(all).toHaveLength(100);
    expect(all.map((h) => h.emailId)).toEqual([...all.map((h) => h.emailId)].sort());
  });

  it('ranks exact, then name prefix, then word prefix, then substring', () => {
    const dns = searchGroups(catalog, 'k8s-infra-dns-admins');
    expect(dns[0]!.emailId).toBe('k8s-infra-dns-admins@kubernetes.io');

    const admins = searchGroups(catalog, 'admins').map((h) => h.emailId);
    expect(admins).toContain('k8s-infra-gcp-org-admins@kubernetes.io');
    expect(admins.every((e) => e.includes('admins'))).toBe(true);

    const release = searchGroups(catalog, 'release').map((h) => h.name);
    // Names starting with the term come before names merely containing a word that starts with it.
    const lastPrefix = Math.max(...release.map((n, i) => (n.startsWith('release') ? i : -1)));
    const firstOther = release.findIndex((n) => !n.startsWith('release'));
    expect(release.slice(0, 5)).toEqual(['release-team', 'release-comms', 'release-managers', 'release-team-shadows', 'release-managers-private']);
    expect(lastPrefix).toBeLessThan(firstOther);
    expect(release).toContain('k8s-infra-release-admins');
    // "releng" does not start with "release": not a match.
    expect(release).not.toContain('k8s-infra-staging-releng');
  });

  it('needs every term to match, case-insensitively', () => {
    const hits = searchGroups(catalog, 'STAGING kind').map((h) => h.emailId);
    expect(hits).toEqual(['k8s-infra-staging-kind@kubernetes.io']);
    expect(searchGroups(catalog, 'no-such-thing-at-all')).toEqual([]);
  });
});
