import { existsSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import type { GcpConnection } from '../integrations/gcp/gcp-connection.ts';
import type { Service } from '../platform/config/sections/services.ts';
import { buildServiceProbes, type ProbeDeps } from './build-probe.ts';
import type { MonitoredService } from './domain/check-services.ts';
import { loadOctodnsZones } from './load-octodns-zones.ts';
import type { ClusterReader, LogReader } from './ports/gcp-readers.ts';

/** A service as the status capability knows it: probes built, plus what views and paging need. */
export interface StatusService extends MonitoredService {
  subproject: string;
  aliases: readonly string[];
}

export interface StatusServicesDeps {
  services: readonly Service[];
  clock: Clock;
  log: Logger;
  /** octodns zone-configs directory (expected DNS answers). */
  zonesDir: string;
  gcp?: GcpConnection | undefined;
}

/**
 * The configured services with their probes, built on first use (never at import or start-up)
 * and kept. Google client libraries are imported only when a gke or logging probe first runs, so
 * start-up never waits for (or depends on) Google.
 */
export function statusServices(deps: StatusServicesDeps): () => readonly StatusService[] {
  let built: StatusService[] | undefined;
  let gke: Promise<ClusterReader> | undefined;
  let logging: Promise<LogReader> | undefined;
  const gkeReader = () => (gke ??= import('../integrations/gcp/gke-cluster-reader.ts').then((m) => m.createGkeClusterReader(deps.gcp ?? {})));
  const logReader = () => (logging ??= import('../integrations/gcp/cloud-logging-reader.ts').then((m) => m.createCloudLoggingReader(deps.gcp ?? {})));

  return () => {
    if (built) return built;
    const config = deps.services;
    const zones = config.some((s) => s.probes.some((p) => p.type === 'dns')) && existsSync(deps.zonesDir) ? loadOctodnsZones(deps.zonesDir) : undefined;
    const probeDeps: ProbeDeps = {
      clock: deps.clock,
      clusterReader: { getCluster: async (ref, signal) => (await gkeReader()).getCluster(ref, signal) },
      logReader: { listEntries: async (query, signal) => (await logReader()).listEntries(query, signal) },
      ...(zones ? { zones } : {}),
    };
    const { services, issues } = buildServiceProbes(
      config.map((s) => ({ id: s.id, name: s.name, sigs: s.sigs, pageOnDown: s.pageOnDown, probes: s.probes })),
      probeDeps,
    );
    for (const issue of issues) {
      deps.log.warn({ path: issue.path.join('.'), zonesDir: deps.zonesDir }, `status probe not built: ${issue.message}`);
    }
    built = services.map((s, i) => ({ ...s, subproject: config[i]!.subproject, aliases: config[i]!.aliases }));
    return built;
  };
}
