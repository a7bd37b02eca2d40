import { describe, expect, it } from 'vitest';
import { buildGroupCatalog } from '../../src/access/domain/group-catalog.ts';
import type { OwnershipCatalog } from '../../src/ownership/domain/ownership-catalog.ts';
import { normaliseThing, resolveOwnership, sigOfGroupsFile } from '../../src/ownership/domain/resolve-ownership.ts';
import { readInventories } from '../../src/ownership/inventory/read-inventories.ts';
import { probedHosts } from '../../src/ownership/use-cases/who-owns.ts';
import { k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { testConfig } from '../helpers/test-config.ts';

// Real data: config/dns/zone-configs and config/k8s.io (kubernetes/k8s.io @ aba208c7, see
// config/k8s.io/README.md), and the group catalog the access capability builds from groups/**.
const config = testConfig();
const inventories = readInventories(config.ownership);
const groups = buildGroupCatalog(new Map(Object.entries(k8sIoGroupsFiles()))).groups;
const catalog: OwnershipCatalog = {
  services: config.services.map((s) => ({ ...s, hosts: probedHosts(s.probes) })),
  outOfScope: config.outOfScope,
  dnsSubproject: 'dns',
  zones: inventories.zones,
  projects: inventories.projects,
  projectTypes: config.ownership.projectTypes,
  projectPatterns: config.ownership.projectPatterns,
  buckets: inventories.buckets,
  clusters: inventories.clusters,
  groups,
};

const owner = (thing: string) => {
  const a = resolveOwnership(thing, catalog);
  if (!a.found) throw new Error(`nothing for ${thing}; suggestions ${a.suggestions.join(', ')}`);
  return a.found;
};

describe('who-owns over the real inventories', () => {
  it('reads every inventory', () => {
    expect(inventories.problems).toEqual([]);
    expect(inventories.zones.size).toBe(4);
    expect(inventories.projects.size).toBeGreaterThan(200);
    expect(inventories.buckets.size).toBe(723);
    expect([...inventories.clusters.keys()]).toEqual(['aaa', 'prow-build', 'prow-build-trusted']);
  });

  it.each([
    // service ids and aliases (config)
    ['registry', 'service', { kind: 'subproject', subprojectId: 'registry' }],
    ['k8s.gcr.io', 'service', { kind: 'subproject', subprojectId: 'registry' }],
    ['boskos', 'service', { kind: 'subproject', subprojectId: 'test-compute' }],
    // out of scope: routed to its SIG even though k8s.io has a record for it
    ['prow.k8s.io', 'out-of-scope', { kind: 'sig', sig: 'SIG Testing', channel: 'sig-testing', note: expect.stringContaining('SIG Testing owns it') }],
    ['https://prow.k8s.io/', 'out-of-scope', expect.objectContaining({ sig: 'SIG Testing' })],
    // DNS names (octodns zones)
    ['gcsweb.k8s.io', 'domain', { kind: 'subproject', subprojectId: 'dns' }],
    ['k8s.dev', 'domain', { kind: 'subproject', subprojectId: 'dns' }],
    // GCP projects (infra/gcp/infra.yaml types, then naming rules)
    ['k8s-infra-prow-build', 'project', { kind: 'subproject', subprojectId: 'clusters' }],
    ['k8s-infra-e2e-boskos-001', 'project', { kind: 'subproject', subprojectId: 'test-compute' }],
    ['k8s-staging-coredns', 'project', { kind: 'subproject', subprojectId: 'registry' }],
    ['kubernetes-public', 'project', { kind: 'subproject', subprojectId: 'apps' }],
    ['k8s-staging-not-yet-listed', 'project', { kind: 'subproject', subprojectId: 'registry' }],
    // buckets (audit/buckets-by-project.txt → the project's type)
    ['gs://k8s-artifacts-prod', 'bucket', { kind: 'subproject', subprojectId: 'registry' }],
    ['gs://k8s-release-asia/', 'bucket', { kind: 'subproject', subprojectId: 'storage' }],
    ['k8s-conform-cri-o', 'bucket', { kind: 'subproject', subprojectId: 'apps' }],
    // clusters (audit/gke-clusters-summary.txt; the gke service names them)
    ['prow-build-trusted', 'service', { kind: 'subproject', subprojectId: 'clusters' }],
    // Google groups (groups/**)
    ['release-managers@kubernetes.io', 'group', { kind: 'sig', sig: 'SIG Release', channel: 'sig-release' }],
    ['k8s-infra-rbac-cert-manager', 'group', { kind: 'sig', sig: 'SIG K8s Infra', channel: 'sig-k8s-infra' }],
    // image paths (registry.k8s.io/<name>/… from k8s-staging-<name>, pushed by its group)
    ['registry.k8s.io/coredns/coredns:v1.8.6', 'image', { kind: 'sig', sig: 'SIG Network', channel: 'sig-network' }],
    ['gcr.io/k8s-staging-coredns/coredns', 'image', { kind: 'sig', sig: 'SIG Network', channel: 'sig-network' }],
    ['registry.k8s.io/pause:3.9', 'image', { kind: 'subproject', subprojectId: 'registry' }],
  ] as const)('%s → %s', (thing, kind, expected) => {
    const found = owner(thing);
    expect(found.kind).toBe(kind);
    expect(found.owner).toEqual(expected);
  });

  it('says how it knows', () => {
    expect(owner('gcsweb.k8s.io').facts).toEqual(['DNS: the record gcsweb of zone k8s.io (A), in dns/zone-configs']);
    expect(owner('gs://k8s-artifacts-prod').facts).toEqual(['Bucket gs://k8s-artifacts-prod in project k8s-artifacts-prod (audit/buckets-by-project.txt)', 'GCP project k8s-artifacts-prod, type "prod" in infra/gcp/infra.yaml']);
    const image = owner('registry.k8s.io/coredns/coredns:v1.8.6');
    expect(image.facts).toEqual([
      'Image built in the staging project k8s-staging-coredns (registry.k8s.io/<name>/… is promoted from k8s-staging-<name>)',
      'Pushed by k8s-infra-staging-coredns@kubernetes.io, defined in groups/sig-network/groups.yaml',
    ]);
    expect(image.runBy).toEqual({ kind: 'subproject', subprojectId: 'registry' });
    expect(owner('release-managers@kubernetes.io').facts[1]).toMatch(/^Changes approved by \(OWNERS\): /);
  });

  it('a DNS name a service probes is that service’s, its record the DNS subproject’s', () => {
    const found = owner('gubernator.k8s.io');
    expect(found.owner).toEqual({ kind: 'subproject', subprojectId: 'apps' });
    expect(found.runBy).toEqual({ kind: 'subproject', subprojectId: 'dns' });
    expect(found.facts).toEqual(['Served by GAE apps (gae), whose status probes check it', expect.stringMatching(/^DNS: the record gubernator of zone k8s.io \(/)]);
    // The DNS service's own probes name gcsweb: still the DNS subproject's, with nothing to add.
    expect(owner('gcsweb.k8s.io').runBy).toBeUndefined();
  });

  it('a cluster the services do not name is its project’s', () => {
    const only = { ...catalog, services: catalog.services.filter((s) => s.id !== 'gke') };
    const found = resolveOwnership('aaa', only).found;
    expect(found?.kind).toBe('cluster');
    expect(found?.owner).toEqual({ kind: 'subproject', subprojectId: 'apps' });
    expect(found?.facts[0]).toBe('GKE cluster aaa in kubernetes-public, us-central1 (audit/gke-clusters-summary.txt)');
  });

  it.each([
    ['gcsweb.k8s.oi', 'gcsweb.k8s.io'],
    ['gs://k8s-artifacts-prd', 'gs://k8s-artifacts-prod'],
    ['prow-buidl', 'prow-build'],
    ['release-managers@kubernetes.oi', 'release-managers@kubernetes.io'],
  ])('a typo (%s) gets the closest names', (typo, expected) => {
    const a = resolveOwnership(typo, catalog);
    expect(a.found).toBeUndefined();
    expect(!a.found && a.suggestions).toContain(expected);
  });

  it('a record that is not in the zone is not answered for', () => {
    const a = resolveOwnership('no-such-record.k8s.io', catalog);
    expect(a.found).toBeUndefined();
  });

  it('normalises what people paste', () => {
    expect(normaliseThing(' <https://GCSweb.k8s.io/> ')).toBe('gcsweb.k8s.io');
    expect(normaliseThing('k8s.io.')).toBe('k8s.io');
    expect(sigOfGroupsFile('groups/wg-k8s-infra/groups.yaml')).toEqual({ kind: 'sig', sig: 'WG K8s Infra', channel: 'wg-k8s-infra' });
    expect(sigOfGroupsFile('groups/committee-steering/groups.yaml')).toEqual({ kind: 'sig', sig: 'Committee Steering', channel: 'committee-steering' });
  });
});

describe('ownership: in check-config', () => {
  it('an unknown subproject is an error with file:line; a missing inventory file a warning', async () => {
    const { parseConfig, formatConfigError } = await import('../../src/platform/config/load-config.ts');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('config/infra.yaml', 'utf8');
    const lines = text.split('\n');
    const staging = lines.findIndex((l) => l.trim() === 'staging: registry') + 1;
    const clusters = lines.findIndex((l) => l.includes('clusters: config/k8s.io/audit/')) + 1;
    const bad = parseConfig(text.replace('    staging: registry', '    staging: registyr'), 'config/infra.yaml');
    expect(bad.ok ? [] : bad.errors.map(formatConfigError)).toEqual([`config/infra.yaml:${staging}: ownership.projectTypes.staging: unknown subproject "registyr"`]);
    const missing = parseConfig(text.replace('gke-clusters-summary.txt', 'gone.txt'), 'config/infra.yaml');
    expect(missing.ok && missing.warnings.map(formatConfigError).filter((w) => w.includes(": ownership."))).toEqual([`config/infra.yaml:${clusters}: ownership.clusters: config/k8s.io/audit/gone.txt does not exist (relative to the working directory); who-owns will not know these`]);
  });
});
