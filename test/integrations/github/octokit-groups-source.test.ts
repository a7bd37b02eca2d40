import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGroupCatalog } from '../../../src/access/use-cases/load-group-catalog.ts';
import { LocalDirectoryGroupsSource } from '../../../src/integrations/github/local-directory-groups-source.ts';
import { createGithubClient } from '../../../src/integrations/github/create-github-client.ts';
import { OctokitGroupsSource } from '../../../src/integrations/github/octokit-groups-source.ts';
import { K8S_IO_CHECKOUT } from '../../access/helpers/fixtures.ts';
import { FakeGithub } from './fake-github.ts';

let fake: FakeGithub;
beforeAll(async () => {
  fake = await FakeGithub.start();
  const local = new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT);
  const files: Record<string, string> = { 'README.md': '# k8s.io\n', 'dns/zone-configs/k8s.io._0_base.yaml': "'':\n  type: A\n" };
  for (const p of [...(await local.listFiles()), 'OWNERS_ALIASES']) files[p] = (await local.readFile(p))!;
  fake.addRepo('kubernetes/k8s.io', files);
});
afterAll(async () => {
  await fake.close();
});

describe('OctokitGroupsSource', () => {
  it('builds the same catalog from GitHub as from the checkout, pinned to one commit', async () => {
    const octokit = createGithubClient({ baseUrl: fake.url });
    const source = new OctokitGroupsSource(octokit, { repo: 'kubernetes/k8s.io', branch: 'main', groupsPath: 'groups' });
    const fromGithub = await loadGroupCatalog(source, { groupsPath: 'groups' });
    const fromDisk = await loadGroupCatalog(new LocalDirectoryGroupsSource(K8S_IO_CHECKOUT));
    expect(fromGithub.problems).toEqual([]);
    expect(fromGithub.groups).toEqual(fromDisk.groups);
    expect(fromGithub.revision).toBe(fake.branchHead('kubernetes/k8s.io', 'main'));
    expect(await source.listFiles()).not.toContain('README.md');

    // A push after the source was made is not seen by it (one snapshot per load)…
    fake.pushFile('kubernetes/k8s.io', 'main', 'groups/sig-release/OWNERS', 'approvers:\n  - someone-new\n');
    const again = await loadGroupCatalog(source);
    expect(again.find('k8s-infra-release-editors@kubernetes.io')!.nearestApprovers).toEqual(fromDisk.find('k8s-infra-release-editors@kubernetes.io')!.nearestApprovers);
    // …and a new source sees it.
    const fresh = await loadGroupCatalog(new OctokitGroupsSource(octokit, { repo: 'kubernetes/k8s.io', branch: 'main', groupsPath: 'groups' }));
    expect(fresh.find('k8s-infra-release-editors@kubernetes.io')!.nearestApprovers).toEqual(['someone-new']);
  });

  it('says which folder is missing', async () => {
    const source = new OctokitGroupsSource(createGithubClient({ baseUrl: fake.url }), { repo: 'kubernetes/k8s.io', branch: 'main', groupsPath: 'nope' });
    await expect(source.listFiles()).rejects.toThrow('kubernetes/k8s.io@main has no folder nope');
  });
});
