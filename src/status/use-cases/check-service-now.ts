import type { Clock } from '../../core/clock.ts';
import { checkServices, type MonitoredService } from '../domain/check-services.ts';
import type { ServiceStatus } from '../domain/service-status.ts';
import type { StatusReader } from '../ports/status-repository.ts';
import { readServiceStatuses } from './read-service-statuses.ts';

export interface CheckServiceNowDeps {
  statuses: StatusReader;
  clock: Clock;
  /** Per probe: the answer comes within this. */
  probeTimeoutMs: number;
}

/**
 * `/k8s-infra status <service>`: every probe of the service run live (nothing stored), shown
 * with its official state and uptime from the stored rounds. Until a state is official, the live
 * check's state is the one shown.
 */
export async function checkServiceNow(deps: CheckServiceNowDeps, service: MonitoredService, now: Date): Promise<ServiceStatus> {
  const [stored] = await readServiceStatuses([service], deps.statuses, now);
  const [live] = await checkServices([service], { clock: deps.clock, timeoutMs: deps.probeTimeoutMs });
  const status: ServiceStatus = { ...stored!, probes: live!.probes, detail: live!.detail, lastCheckedAt: live!.checkedAt };
  if (!status.confirmed) status.state = live!.state;
  return status;
}
