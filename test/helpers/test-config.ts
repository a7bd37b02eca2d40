import { loadConfigOrThrow } from '../../src/platform/config/load-config.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';

/**
 * config/infra.yaml as tests use it: scheduled status rounds off, because its probes name the real
 * registry.k8s.io, DNS servers and Google APIs, and tests send traffic only to this machine.
 * Status tests turn rounds on with their own probes pointed at local fakes.
 */
export function testConfig(): InfraConfig {
  const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
  config.status = { ...config.status, scheduled: false };
  return config;
}
