import type { Clock } from '../../core/clock.ts';
import { aggregateService, type ServiceCheck } from './aggregate-service.ts';
import type { Probe } from './probe.ts';
import { runProbes } from './run-probes.ts';

/** A configured service with its probes already built (see buildServiceProbes). */
export interface MonitoredService {
  id: string;
  name: string;
  sigs: readonly string[];
  pageOnDown: boolean;
  probes: readonly Probe[];
}

/**
 * Runs the probes of several services concurrently and aggregates each; stores nothing. Every
 * probe runs under its own deadline, so the answer comes within `timeoutMs` however they behave.
 */
export async function checkServices(
  services: readonly MonitoredService[],
  deps: { clock: Clock; timeoutMs?: number },
): Promise<ServiceCheck[]> {
  const all = services.flatMap((s) => s.probes);
  const results = await runProbes(all, { clock: deps.clock, ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) });
  const now = deps.clock.now();
  let offset = 0;
  return services.map((s) => {
    const mine = results.slice(offset, offset + s.probes.length);
    offset += s.probes.length;
    return aggregateService(s.id, mine, now);
  });
}
