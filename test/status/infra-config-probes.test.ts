import { describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/platform/config/load-config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { buildServiceProbes } from '../../src/status/build-probe.ts';
import { loadOctodnsZones } from '../../src/status/load-octodns-zones.ts';

describe('config/infra.yaml probes', () => {
  it('give every charter service probes that build against the runtime zone configs in config/dns', () => {
    const config = loadConfigOrThrow('config/infra.yaml');
    const { services, issues } = buildServiceProbes(config.services, {
      clock: new ManualClock(0),
      zones: loadOctodnsZones('config/dns/zone-configs'),
      clusterReader: { getCluster: async () => ({ name: 'x', status: 'RUNNING', nodePools: [] }) },
      logReader: { listEntries: async () => [] },
    });
    expect(issues).toEqual([]);
    for (const s of services) expect(s.probes.length, s.id).toBeGreaterThan(0);
    const labels = services.flatMap((s) => s.probes.map((p) => p.label)).join('\n');
    expect(labels).toContain('registry.k8s.io speaks the registry API');
    for (const cluster of ['aaa', 'prow-build', 'prow-build-trusted']) expect(labels).toContain(cluster);
    const gke = config.services.find((s) => s.id === 'gke')!.probes;
    expect(gke.map((p) => (p.type === 'gke' ? `${p.project}/${p.location}/${p.cluster}` : ''))).toEqual([
      'kubernetes-public/us-central1/aaa',
      'k8s-infra-prow-build/us-central1/prow-build',
      'k8s-infra-prow-build-trusted/us-central1/prow-build-trusted',
    ]);
  });
});
