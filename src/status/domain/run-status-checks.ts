import type { Clock } from '../../core/clock.ts';
import { aggregateService, type ServiceCheck } from './aggregate-service.ts';
import type { Probe } from './probe.ts';
import { runProbes } from './run-probes.ts';
import type { StatusRepository } from '../ports/status-repository.ts';
import { trackServiceState, type PageRequest, type StateTransition } from './track-service-state.ts';

/** A configured service with its probes already built (see buildServiceProbes). */
export interface MonitoredService {
  id: string;
  name: string;
  sigs: readonly string[];
  pageOnDown: boolean;
  probes: readonly Probe[];
}

export interface StatusCheckDeps {
  repository: StatusRepository;
  clock: Clock;
  /** Per probe (default 5000). */
  timeoutMs?: number;
  /** Consecutive checks before a state is official (default 2). */
  holdChecks?: number;
  signal?: AbortSignal;
}

export interface StatusCheckRound {
  checks: ServiceCheck[];
  /** Post each once to #k8s-infra-alerts. */
  transitions: StateTransition[];
  /** Send each to the pager (trigger or resolve). */
  pages: PageRequest[];
}

/**
 * One round of the scheduled check: every probe of every service at once, aggregated per
 * service, flap-damped against the stored state, saved. The caller (a leased periodic job)
 * delivers the returned transitions and pages; the repository also keeps them as an outbox.
 */
export async function runStatusChecks(
  services: readonly MonitoredService[],
  deps: StatusCheckDeps,
  options: { only?: readonly string[] } = {},
): Promise<StatusCheckRound> {
  const chosen = options.only ? services.filter((s) => options.only!.includes(s.id)) : services;
  const checks = await checkServices(chosen, deps);
  const previous = new Map((await deps.repository.loadStates(chosen.map((s) => s.id))).map((s) => [s.serviceId, s]));
  const round: StatusCheckRound = { checks, transitions: [], pages: [] };
  for (const [i, service] of chosen.entries()) {
    const check = checks[i]!;
    const tracked = trackServiceState(previous.get(service.id), check, {
      pageOnDown: service.pageOnDown,
      ...(deps.holdChecks !== undefined ? { holdChecks: deps.holdChecks } : {}),
    });
    await deps.repository.saveCheck({ check, state: tracked.next, transition: tracked.changed, page: tracked.page });
    if (tracked.changed) round.transitions.push(tracked.changed);
    if (tracked.page) round.pages.push(tracked.page);
  }
  return round;
}

/** Runs the probes of several services concurrently and aggregates each; stores nothing (live `/k8s-infra status x`). */
export async function checkServices(
  services: readonly MonitoredService[],
  deps: { clock: Clock; timeoutMs?: number; signal?: AbortSignal },
): Promise<ServiceCheck[]> {
  const all = services.flatMap((s) => s.probes);
  const results = await runProbes(all, {
    clock: deps.clock,
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const now = deps.clock.now();
  let offset = 0;
  return services.map((s) => {
    const mine = results.slice(offset, offset + s.probes.length);
    offset += s.probes.length;
    return aggregateService(s.id, mine, now);
  });
}
