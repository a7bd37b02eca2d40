import type { Clock } from '../../core/clock.ts';
import type { Effect } from '../../platform/outbox/effects.ts';
import type { ServiceCheck } from '../domain/aggregate-service.ts';
import { checkServices, type MonitoredService } from '../domain/check-services.ts';
import { trackServiceState, type PageRequest, type StateTransition } from '../domain/track-service-state.ts';
import { alertDelivery } from '../jobs/status-alert-job.ts';
import { pageDelivery } from '../jobs/status-page-job.ts';
import type { CheckWriter } from '../ports/status-repository.ts';

export interface RunStatusRoundDeps {
  checks: CheckWriter;
  clock: Clock;
  /** Per probe (default 5000). */
  probeTimeoutMs?: number;
  /** Consecutive checks before a state is official (default 2). */
  holdChecks?: number;
}

export interface StatusCheckRound {
  checks: ServiceCheck[];
  /** Services whose check this run did not record: this slot was recorded already, or another run recorded a newer check first. */
  skipped: string[];
  /** Each is posted once to #k8s-infra-alerts (queued with its check). */
  transitions: StateTransition[];
  /** Each goes to the pager once, trigger or resolve (queued with its check). */
  pages: PageRequest[];
}

/**
 * One round of checks for the slot starting at `slot`: every probe of every service at once,
 * aggregated per service, flap-damped against the stored state, and saved service by service,
 * each check in one transaction with the alert and page it asks for. Recorded once per slot and
 * service: a service already checked in this slot (the round ran twice), or checked by another
 * run since its state was read, is skipped, so no transition is ever recorded twice.
 */
export async function runStatusRound(deps: RunStatusRoundDeps, services: readonly MonitoredService[], slot: Date): Promise<StatusCheckRound> {
  const checks = await checkServices(services, { clock: deps.clock, ...(deps.probeTimeoutMs !== undefined ? { timeoutMs: deps.probeTimeoutMs } : {}) });
  const previous = new Map((await deps.checks.loadStates(services.map((s) => s.id))).map((s) => [s.serviceId, s]));
  const round: StatusCheckRound = { checks, skipped: [], transitions: [], pages: [] };
  for (const [i, service] of services.entries()) {
    const check = checks[i]!;
    const prev = previous.get(service.id);
    if (prev && prev.lastCheckedAt.getTime() >= slot.getTime()) {
      round.skipped.push(service.id);
      continue;
    }
    const tracked = trackServiceState(prev, check, {
      pageOnDown: service.pageOnDown,
      ...(deps.holdChecks !== undefined ? { holdChecks: deps.holdChecks } : {}),
    });
    const saved = await deps.checks.saveCheck({ check, state: tracked.next }, checkDeliveries(tracked.changed, tracked.page, check.checkedAt), { previousCheckedAt: prev?.lastCheckedAt ?? null });
    if (saved === 'stale') {
      round.skipped.push(service.id);
      continue;
    }
    if (tracked.changed) round.transitions.push(tracked.changed);
    if (tracked.page) round.pages.push(tracked.page);
  }
  return round;
}

/** What one check asks to be delivered: its transition's alert and its page, both at the check's time. */
export function checkDeliveries(transition: StateTransition | null, page: PageRequest | null, checkedAt: Date): Effect[] {
  return [...(transition ? [alertDelivery(transition)] : []), ...(page ? [pageDelivery(page, checkedAt)] : [])];
}
