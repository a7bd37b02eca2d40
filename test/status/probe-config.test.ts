import { describe, expect, it } from 'vitest';
import { probeSchema } from '../../src/platform/config/sections/probes.ts';

const issues = (input: unknown) => {
  const r = probeSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('probe config schema', () => {
  it('accepts the registry.k8s.io probe and fills defaults', () => {
    const parsed = probeSchema.parse({
      type: 'http',
      url: 'https://registry.k8s.io/v2/',
      expectStatus: 200,
      expectHeader: { name: 'Docker-Distribution-Api-Version', value: 'registry/2.0' },
    });
    expect(parsed).toEqual({
      type: 'http',
      url: 'https://registry.k8s.io/v2/',
      method: 'GET',
      expectStatus: 200,
      expectHeader: { name: 'Docker-Distribution-Api-Version', value: 'registry/2.0' },
      certWarningDays: 15,
      timeoutMs: 4000,
    });
  });

  it('rejects an unknown or missing type, naming the types it knows', () => {
    expect(issues({ type: 'ping', host: 'k8s.io' })).toEqual([
      'type: unknown probe type "ping"; expected one of http, dns, gke, logging, logging-freshness',
    ]);
    expect(issues({ url: 'https://k8s.io/' })).toEqual([
      'type: missing probe type; expected one of http, dns, gke, logging, logging-freshness',
    ]);
  });

  it('rejects malformed and non-http URLs', () => {
    expect(issues({ type: 'http', url: 'registry.k8s.io/v2/' })).toEqual(['url: expected an absolute http:// or https:// URL']);
    expect(issues({ type: 'http', url: 'ftp://registry.k8s.io/' })).toEqual(['url: expected an absolute http:// or https:// URL']);
  });

  it('rejects unknown keys and bad regular expressions', () => {
    expect(issues({ type: 'http', url: 'https://k8s.io/', expectedStatus: 200 })).toHaveLength(1);
    expect(issues({ type: 'http', url: 'https://k8s.io/', expectBody: { pattern: '([' } })).toEqual([
      'expectBody.pattern: not a valid regular expression',
    ]);
  });

  it('validates dns probes: zone, subdomains as in the zone config, servers', () => {
    expect(issues({ type: 'dns', zone: 'k8s.io', records: ['', 'www', 'release.triage'], servers: ['8.8.8.8', '127.0.0.1:5353', '[::1]:53'] })).toEqual([]);
    expect(issues({ type: 'dns', zone: 'k8s.io', records: ['*.docs'] })).toEqual([
      'records.0: expected a subdomain as written in the zone config (no wildcards)',
    ]);
    expect(issues({ type: 'dns', zone: 'k8s.io', records: ['www'], servers: ['dns.google'] })).toHaveLength(1);
    expect(issues({ type: 'dns', zone: 'k8s.io', records: ['www'], types: ['SRV'] })).toHaveLength(1);
  });

  it('validates gke and logging probes', () => {
    expect(issues({ type: 'gke', project: 'k8s-infra-prow-build', location: 'us-central1', cluster: 'prow-build' })).toEqual([]);
    expect(issues({ type: 'gke', project: 'K8S', location: 'us-central1', cluster: 'prow-build' })).toHaveLength(1);
    expect(issues({ type: 'logging', project: 'k8s-infra-prow-build', filter: 'resource.type="build"', degradedAbove: 5, downAbove: 2 })).toEqual([
      'downAbove: downAbove must be at least degradedAbove',
    ]);
    expect(issues({ type: 'logging-freshness', project: 'kubernetes-public', filter: 'resource.type="bigquery_resource"', maxAgeMinutes: 60 })).toEqual([]);
  });
});
