import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ManualClock } from '../../src/core/clock.ts';
import { probeSchema } from '../../src/platform/config/sections/probes.ts';
import { buildServiceProbes } from '../../src/status/build-probe.ts';
import { loadOctodnsZones } from '../../src/status/load-octodns-zones.ts';

const doc = readFileSync(new URL('../../docs/status-probes.md', import.meta.url), 'utf8');
const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('docs/status-probes.md example', () => {
  it('validates against the probe schema and builds against the real zone configs', () => {
    const { services } = parse(example) as { services: { id: string; probes: unknown[] }[] };
    expect(services.map((s) => s.id)).toEqual(['registry', 'website', 'gke', 'gcb', 'bigquery']);
    const configs = services.map((s) => ({
      id: s.id,
      name: s.id,
      sigs: ['sig-k8s-infra'],
      pageOnDown: false,
      probes: s.probes.map((p) => probeSchema.parse(p)),
    }));
    const { services: built, issues } = buildServiceProbes(configs, {
      clock: new ManualClock(0),
      zones: loadOctodnsZones(new URL('../fixtures/k8s.io/dns/zone-configs/', import.meta.url).pathname),
      clusterReader: { getCluster: async () => ({ name: 'x', status: 'RUNNING', nodePools: [] }) },
      logReader: { listEntries: async () => [] },
    });
    expect(issues).toEqual([]);
    expect(built.flatMap((s) => s.probes.map((p) => p.type))).toEqual([
      'http',
      'http', 'dns', 'dns',
      'gke', 'gke', 'gke',
      'logging', 'logging-freshness',
      'logging', 'logging-freshness',
    ]);
  });
});
