import { dirname, join } from 'node:path';
import type { GcpConnection } from '../integrations/gcp/gcp-connection.ts';
import type { StatusSettingsConfig } from './config.ts';
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
function defaultStatusSettings(infraConfigPath: string): StatusSettings {
  return {
    scheduled: true,
    intervalMs: 60_000,
    holdChecks: DEFAULT_HOLD_CHECKS,
    probeTimeoutMs: 5000,
    zonesDir: join(dirname(infraConfigPath), 'dns', 'zone-configs'),
    retentionMs: 8 * 24 * 60 * 60_000,
  };
}

/** The defaults, then infra.yaml's `status:` section, then the module's options (tests, local set-ups). */
export function resolveStatusSettings(infraConfigPath: string, fromConfig: StatusSettingsConfig, preset: Partial<StatusSettings> = {}): StatusSettings {
  return {
    ...defaultStatusSettings(infraConfigPath),
    scheduled: fromConfig.scheduled,
    intervalMs: fromConfig.intervalSeconds * 1000,
    holdChecks: fromConfig.holdChecks,
    probeTimeoutMs: fromConfig.probeTimeoutMs,
    ...(fromConfig.zonesDir ? { zonesDir: fromConfig.zonesDir } : {}),
    ...preset,
  };
}
