import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LegacyDeps } from '../platform/app-deps.ts';
import type { StatusSettingsConfig } from './config.ts';
import type { GcpConnection } from '../integrations/gcp/gcp-connection.ts';
import { KyselyStatusRepository } from './store/status-repository.ts';
import { buildServiceProbes, type ProbeDeps } from './build-probe.ts';
import type { ClusterReader, LogReader } from './ports/gcp-readers.ts';
import { loadOctodnsZones } from './load-octodns-zones.ts';
import type { MonitoredService } from './domain/run-status-checks.ts';
import type { StatusPager } from './ports/status-pager.ts';
import { DEFAULT_HOLD_CHECKS } from './domain/track-service-state.ts';

export interface StatusSettings {
  /** Run scheduled rounds (off: only `/k8s-infra status <service>` probes, e.g. a page-only replica or a test). */
  scheduled: boolean;
  /** Time between scheduled rounds. */
  intervalMs: number;
  /** Consecutive checks before a new state is official (flap damping). */
  holdChecks: number;
  /** Per probe, for rounds and live checks; answers come within this. */
  probeTimeoutMs: number;
  /** octodns zone-configs directory (expected DNS answers). */
  zonesDir: string;
  /** Checks older than this are pruned (the 7-day uptime needs a little more than 7 days). */
  retentionMs: number;
  /** Where Google APIs are reached; unset: production endpoints with Application Default Credentials. */
  gcp?: GcpConnection;
}

/** Defaults; `config/dns/zone-configs` sits next to the infra config. */
export function defaultStatusSettings(infraConfigPath: string): StatusSettings {
  return {
    scheduled: true,
    intervalMs: 60_000,
    holdChecks: DEFAULT_HOLD_CHECKS,
    probeTimeoutMs: 5000,
    zonesDir: join(dirname(infraConfigPath), 'dns', 'zone-configs'),
    retentionMs: 8 * 24 * 60 * 60_000,
  };
}

/** A service as the status capability knows it: probes built, plus what views and paging need. */
export interface StatusService extends MonitoredService {
  subproject: string;
  aliases: readonly string[];
}

/**
 * Everything status needs at run time, built on first use (never at import or start-up): the
 * probes, the repository, the pager. Google client libraries are imported only when a gke or
 * logging probe first runs, so start-up never waits for (or depends on) Google.
 */
export class StatusRuntime {
  settings: StatusSettings;
  readonly repository: KyselyStatusRepository;
  pager: StatusPager;
  private built: StatusService[] | undefined;
  private gke: Promise<ClusterReader> | undefined;
  private logging: Promise<LogReader> | undefined;

  constructor(
    private readonly deps: LegacyDeps,
    fromConfig: StatusSettingsConfig,
    pager: StatusPager,
    preset: Partial<StatusSettings> = {},
  ) {
    this.settings = {
      ...defaultStatusSettings(deps.env.infraConfigPath),
      scheduled: fromConfig.scheduled,
      intervalMs: fromConfig.intervalSeconds * 1000,
      holdChecks: fromConfig.holdChecks,
      probeTimeoutMs: fromConfig.probeTimeoutMs,
      ...(fromConfig.zonesDir ? { zonesDir: fromConfig.zonesDir } : {}),
      ...preset,
    };
    this.repository = new KyselyStatusRepository(deps.store.db, deps.jobs);
    this.pager = pager;
  }

  /** Tests and local set-ups: change settings or the pager; probes are rebuilt on next use. */
  configure(overrides: Partial<StatusSettings> & { pager?: StatusPager }): void {
    const { pager, ...settings } = overrides;
    if (pager) this.pager = pager;
    this.settings = { ...this.settings, ...settings };
    this.built = undefined;
    this.gke = undefined;
    this.logging = undefined;
  }

  services(): StatusService[] {
    if (this.built) return this.built;
    const config = this.deps.config.services;
    const zones = config.some((s) => s.probes.some((p) => p.type === 'dns')) && existsSync(this.settings.zonesDir) ? loadOctodnsZones(this.settings.zonesDir) : undefined;
    const probeDeps: ProbeDeps = {
      clock: this.deps.clock,
      clusterReader: { getCluster: async (ref, signal) => (await this.gkeReader()).getCluster(ref, signal) },
      logReader: { listEntries: async (query, signal) => (await this.logReader()).listEntries(query, signal) },
      ...(zones ? { zones } : {}),
    };
    const { services, issues } = buildServiceProbes(
      config.map((s) => ({ id: s.id, name: s.name, sigs: s.sigs, pageOnDown: s.pageOnDown, probes: s.probes })),
      probeDeps,
    );
    for (const issue of issues) {
      this.deps.log.warn({ path: issue.path.join('.'), zonesDir: this.settings.zonesDir }, `status probe not built: ${issue.message}`);
    }
    this.built = services.map((s, i) => ({ ...s, subproject: config[i]!.subproject, aliases: config[i]!.aliases }));
    return this.built;
  }

  private gkeReader(): Promise<ClusterReader> {
    this.gke ??= import('../integrations/gcp/gke-cluster-reader.ts').then((m) => m.createGkeClusterReader(this.settings.gcp ?? {}));
    return this.gke;
  }

  private logReader(): Promise<LogReader> {
    this.logging ??= import('../integrations/gcp/cloud-logging-reader.ts').then((m) => m.createCloudLoggingReader(this.settings.gcp ?? {}));
    return this.logging;
  }
}
