import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { probeSchema, type ProbeConfigInput } from '../../src/platform/config/sections/probes.ts';
import { buildProbe, buildServiceProbes, ProbeBuildError } from '../../src/status/build-probe.ts';
import type { ClusterReader, LogReader } from '../../src/status/ports/gcp-readers.ts';
import { readOctodnsZone } from '../../src/status/domain/octodns-zone.ts';

const clock = new ManualClock('2026-03-01T12:00:00Z');
const parse = (p: ProbeConfigInput) => probeSchema.parse(p);
const clusterReader: ClusterReader = { getCluster: async () => ({ name: 'aaa', status: 'RUNNING', nodePools: [] }) };
const logReader: LogReader = { listEntries: async () => [] };
const zones = new Map([['k8s.io', readOctodnsZone("www:\n  type: CNAME\n  value: k8s.io.\n", 'k8s.io')]]);

describe('buildProbe', () => {
  it('builds each probe type with a stable id and a readable label', () => {
    const deps = { clock, clusterReader, logReader, zones };
    const built = [
      buildProbe(parse({ type: 'http', url: 'https://registry.k8s.io/v2/' }), deps),
      buildProbe(parse({ type: 'dns', zone: 'k8s.io', records: ['www'] }), deps),
      buildProbe(parse({ type: 'gke', project: 'kubernetes-public', location: 'us-central1', cluster: 'aaa' }), deps),
      buildProbe(parse({ type: 'logging', project: 'k8s-infra-prow-build', filter: 'resource.type="build" AND severity>=ERROR', degradedAbove: 3 }), deps),
      buildProbe(parse({ type: 'logging-freshness', name: 'BigQuery loads', id: 'bq-loads', project: 'kubernetes-public', filter: 'resource.type="bigquery_resource"', maxAgeMinutes: 60 }), deps),
    ];
    expect(built.map((p) => [p.type, p.id, p.label])).toEqual([
      ['http', 'http:registry.k8s.io/v2/', 'GET https://registry.k8s.io/v2/'],
      ['dns', 'dns:k8s.io:www', 'DNS www.k8s.io'],
      ['gke', 'gke:kubernetes-public/us-central1/aaa', 'GKE aaa (kubernetes-public, us-central1)'],
      ['logging', expect.stringMatching(/^logging:k8s-infra-prow-build:[0-9a-f]{8}$/), 'Cloud Logging k8s-infra-prow-build: resource.type="build" AND severity>=ERROR'],
      ['logging-freshness', 'bq-loads', 'BigQuery loads'],
    ]);
  });

  it('reads an http caFile through the injected reader', () => {
    const read: string[] = [];
    buildProbe(parse({ type: 'http', url: 'https://internal.k8s.io/', caFile: 'config/ca.pem' }), {
      clock,
      readCaFile: (p) => {
        read.push(p);
        return '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n';
      },
    });
    expect(read).toEqual(['config/ca.pem']);
  });

  it('refuses probes whose adapter is missing', () => {
    expect(() => buildProbe(parse({ type: 'gke', project: 'kubernetes-public', location: 'us-central1', cluster: 'aaa' }), { clock })).toThrow(ProbeBuildError);
    expect(() => buildProbe(parse({ type: 'logging', project: 'kubernetes-public', filter: 'x', degradedAbove: 1 }), { clock })).toThrow('no Cloud Logging reader');
  });
});

describe('buildServiceProbes', () => {
  it('builds what it can and lists every problem with its config path', () => {
    const { services, issues } = buildServiceProbes(
      [
        {
          id: 'registry',
          name: 'registry.k8s.io',
          sigs: ['sig-k8s-infra'],
          pageOnDown: true,
          probes: [parse({ type: 'http', url: 'https://registry.k8s.io/v2/' }), parse({ type: 'http', url: 'https://registry.k8s.io/v2/' })],
        },
        { id: 'aaa', name: 'aaa', sigs: ['sig-k8s-infra'], pageOnDown: false, probes: [parse({ type: 'dns', zone: 'k8s.io', records: ['nope'] })] },
      ],
      { clock, zones },
    );
    expect(services.map((s) => [s.id, s.probes.length])).toEqual([
      ['registry', 2],
      ['aaa', 0],
    ]);
    expect(issues).toEqual([
      { path: ['services', 0, 'probes', 1], message: 'duplicate probe id "http:registry.k8s.io/v2/" (set an explicit id)' },
      { path: ['services', 1, 'probes', 0], message: "dns probe: zone k8s.io has no A/AAAA/CNAME/TXT/MX/CAA record for 'nope'" },
    ]);
  });
});
