import type { ProbeResult, ProbeState } from '../../../src/status/domain/probe.ts';
import type { ServiceStatus } from '../../../src/status/domain/service-status.ts';

export const NOW = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const probe = (probeId: string, label: string, state: ProbeState, detail: string, m = 1): ProbeResult => ({
  probeId,
  label,
  state,
  detail,
  checkedAt: minutesAgo(m),
  durationMs: 40,
});

/** Services shaped like the group's real ones, in every state. */
export function sampleStatuses(): ServiceStatus[] {
  return [
    {
      id: 'registry',
      name: 'registry.k8s.io',
      sigs: ['sig-k8s-infra', 'sig-release'],
      state: 'ok',
      confirmed: true,
      since: minutesAgo(3 * 24 * 60 + 4 * 60),
      detail: 'HTTP 200, certificate valid 61 more days',
      lastCheckedAt: minutesAgo(1),
      pending: null,
      probes: [probe('http:registry.k8s.io/v2/', 'GET https://registry.k8s.io/v2/', 'ok', 'HTTP 200, certificate valid 61 more days')],
      uptime: { day: 1, week: 0.99871 },
    },
    {
      id: 'dns',
      name: 'DNS (k8s.io)',
      sigs: ['sig-k8s-infra'],
      state: 'degraded',
      confirmed: true,
      since: minutesAgo(12),
      detail: 'gcsweb.k8s.io A is 203.0.113.7 (zone config: 35.190.8.208)',
      lastCheckedAt: minutesAgo(1),
      pending: null,
      probes: [
        probe('dns:k8s.io:@,www', 'DNS k8s.io, www.k8s.io', 'ok', '5 record sets match the zone config'),
        probe('dns:k8s.io:gcsweb', 'DNS gcsweb.k8s.io', 'degraded', 'gcsweb.k8s.io A is 203.0.113.7 (zone config: 35.190.8.208)'),
      ],
      uptime: { day: 1, week: 1 },
    },
    {
      id: 'prow-build',
      name: 'prow-build cluster',
      sigs: ['sig-k8s-infra', 'sig-testing'],
      state: 'down',
      confirmed: true,
      since: minutesAgo(7),
      detail: 'GKE prow-build (k8s-infra-prow-build, us-central1): ERROR: Cluster is being repaired',
      lastCheckedAt: minutesAgo(1),
      pending: { state: 'ok', count: 1 },
      probes: [
        probe('gke:k8s-infra-prow-build/us-central1/prow-build', 'GKE prow-build (k8s-infra-prow-build, us-central1)', 'down', 'ERROR: Cluster is being repaired, 2 node pools running'),
        probe('logging:k8s-infra-prow-build:1a2b3c4d', 'Cloud Build failures', 'ok', '0 matching entries in the last 1 h'),
      ],
      uptime: { day: 0.9951, week: 0.9993 },
    },
    {
      id: 'cloud-build',
      name: 'Cloud Build <staging>',
      sigs: ['sig-release'],
      state: 'unknown',
      confirmed: false,
      since: null,
      detail: "permission denied reading logs of k8s-staging-images (check the bot's IAM roles)",
      lastCheckedAt: minutesAgo(2),
      pending: null,
      probes: [probe('logging-freshness:k8s-staging-images:9f9f9f9f', 'Newest staging image build', 'unknown', "permission denied reading logs of k8s-staging-images (check the bot's IAM roles)", 2)],
      uptime: { day: null, week: null },
    },
  ];
}
