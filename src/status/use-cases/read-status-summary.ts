import type { Clock } from '../../core/clock.ts';
import { checkServices, type MonitoredService } from '../domain/check-services.ts';
import type { ServiceStatus } from '../domain/service-status.ts';
import type { StatusReader } from '../ports/status-repository.ts';
import { readServiceStatuses } from './read-service-statuses.ts';

export interface ReadStatusSummaryDeps {
  statuses: StatusReader;
  clock: Clock;
  /** Per probe: the live checks answer within this. */
  probeTimeoutMs: number;
}

/**
 * `/k8s-infra status`: every service as the stored rounds see it. A service no round has checked
 * yet (just deployed, just added) is checked now rather than shown blank.
 */
export async function readStatusSummary(deps: ReadStatusSummaryDeps, services: readonly MonitoredService[], now: Date): Promise<ServiceStatus[]> {
  const statuses = await readServiceStatuses(services, deps.statuses, now);
  const unchecked = services.filter((s, i) => statuses[i]!.lastCheckedAt === null && s.probes.length > 0);
  if (unchecked.length === 0) return statuses;
  const live = new Map((await checkServices(unchecked, { clock: deps.clock, timeoutMs: deps.probeTimeoutMs })).map((c) => [c.serviceId, c]));
  return statuses.map((s) => {
    const c = live.get(s.id);
    return c ? { ...s, state: c.state, detail: c.detail, lastCheckedAt: c.checkedAt, probes: c.probes } : s;
  });
}
