import { readFileSync } from 'node:fs';
import type { Clock } from '../core/clock.ts';
import type { ProbeConfig } from '../platform/config/sections/probes.ts';
import { createNodeDnsClient, type DnsClient } from '../integrations/dns/dns-client.ts';
import type { ClusterReader, LogReader } from './ports/gcp-readers.ts';
import type { OctodnsRecord } from './domain/octodns-zone.ts';
import type { Probe } from './domain/probe.ts';
import type { MonitoredService } from './domain/check-services.ts';
import { createDnsProbe, PROBED_DNS_TYPES } from './probes/dns-probe.ts';
import { createGkeProbe } from './probes/gke-probe.ts';
import { createHttpProbe } from './probes/http-probe.ts';
import { createLogCountProbe, createLogFreshnessProbe } from './probes/logging-probes.ts';

export interface ProbeDeps {
  clock: Clock;
  /** Needed by `gke` probes. */
  clusterReader?: ClusterReader;
  /** Needed by `logging` and `logging-freshness` probes. */
  logReader?: LogReader;
  /** Zone name (`k8s.io`) → its octodns records; needed by `dns` probes. See loadOctodnsZones. */
  zones?: ReadonlyMap<string, readonly OctodnsRecord[]>;
  /** Default: node:dns Resolver on the given servers. */
  dnsClientFactory?: (options: { servers?: readonly string[]; timeoutMs: number }) => DnsClient;
  /** Reads an http probe's `caFile`; default readFileSync, relative to the working directory. */
  readCaFile?: (path: string) => string | Buffer;
}

/** A probe the config asks for but the deployment cannot build (missing adapter, record not in the zone). */
export class ProbeBuildError extends Error {
  override name = 'ProbeBuildError';
}

/** Turns one validated `probes:` item into a Probe. Throws ProbeBuildError, to be reported at start-up. */
export function buildProbe(config: ProbeConfig, deps: ProbeDeps): Probe {
  const named = { ...(config.id !== undefined ? { id: config.id } : {}), ...(config.name !== undefined ? { name: config.name } : {}) };
  switch (config.type) {
    case 'http': {
      const ca = config.caFile === undefined ? undefined : (deps.readCaFile ?? ((p: string) => readFileSync(p)))(config.caFile);
      return createHttpProbe({
        ...named,
        url: config.url,
        method: config.method,
        expectStatus: config.expectStatus,
        ...(config.expectHeader ? { expectHeader: config.expectHeader } : {}),
        ...(config.expectBody ? { expectBody: config.expectBody } : {}),
        certWarningDays: config.certWarningDays,
        timeoutMs: config.timeoutMs,
        ...(ca !== undefined ? { ca } : {}),
        clock: deps.clock,
      });
    }
    case 'dns': {
      const zone = deps.zones?.get(config.zone);
      if (!zone) throw new ProbeBuildError(`dns probe: no zone config loaded for ${config.zone}`);
      const types = new Set<string>(config.types ?? PROBED_DNS_TYPES);
      const expected: OctodnsRecord[] = [];
      for (const name of config.records) {
        const sets = zone.filter((r) => r.name === name && types.has(r.type));
        if (sets.length === 0) {
          throw new ProbeBuildError(`dns probe: zone ${config.zone} has no ${[...types].join('/')} record for '${name}'`);
        }
        expected.push(...sets);
      }
      const factory = deps.dnsClientFactory ?? createNodeDnsClient;
      const client = factory({ ...(config.servers ? { servers: config.servers } : {}), timeoutMs: config.timeoutMs });
      return createDnsProbe({ ...named, zone: config.zone, expected, client });
    }
    case 'gke':
      if (!deps.clusterReader) throw new ProbeBuildError('gke probe: no GKE cluster reader configured');
      return createGkeProbe({ ...named, project: config.project, location: config.location, cluster: config.cluster, reader: deps.clusterReader });
    case 'logging':
      if (!deps.logReader) throw new ProbeBuildError('logging probe: no Cloud Logging reader configured');
      return createLogCountProbe({
        ...named,
        project: config.project,
        filter: config.filter,
        windowMinutes: config.windowMinutes,
        degradedAbove: config.degradedAbove,
        ...(config.downAbove !== undefined ? { downAbove: config.downAbove } : {}),
        reader: deps.logReader,
        clock: deps.clock,
      });
    case 'logging-freshness':
      if (!deps.logReader) throw new ProbeBuildError('logging-freshness probe: no Cloud Logging reader configured');
      return createLogFreshnessProbe({
        ...named,
        project: config.project,
        filter: config.filter,
        maxAgeMinutes: config.maxAgeMinutes,
        ...(config.downAfterMinutes !== undefined ? { downAfterMinutes: config.downAfterMinutes } : {}),
        reader: deps.logReader,
        clock: deps.clock,
      });
  }
}

export interface ServiceProbeConfig {
  id: string;
  name: string;
  sigs: readonly string[];
  pageOnDown: boolean;
  probes: readonly ProbeConfig[];
}

export interface ProbeBuildIssue {
  /** Config path, e.g. ['services', 2, 'probes', 0]. */
  path: (string | number)[];
  message: string;
}

/**
 * Builds every service's probes. Problems are collected (not thrown) so start-up can list them
 * all, like config errors; a service keeps the probes that did build.
 */
export function buildServiceProbes(
  services: readonly ServiceProbeConfig[],
  deps: ProbeDeps,
): { services: MonitoredService[]; issues: ProbeBuildIssue[] } {
  const issues: ProbeBuildIssue[] = [];
  const built = services.map((svc, i) => {
    const probes: Probe[] = [];
    svc.probes.forEach((config, j) => {
      try {
        probes.push(buildProbe(config, deps));
      } catch (error) {
        issues.push({ path: ['services', i, 'probes', j], message: error instanceof Error ? error.message : String(error) });
      }
    });
    const ids = new Set<string>();
    probes.forEach((p, j) => {
      if (ids.has(p.id)) issues.push({ path: ['services', i, 'probes', j], message: `duplicate probe id "${p.id}" (set an explicit id)` });
      ids.add(p.id);
    });
    return { id: svc.id, name: svc.name, sigs: svc.sigs, pageOnDown: svc.pageOnDown, probes };
  });
  return { services: built, issues };
}
