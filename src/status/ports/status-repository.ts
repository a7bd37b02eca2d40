import type { ServiceCheck } from '../domain/aggregate-service.ts';
import type { PageRequest, StateTransition, TrackedServiceState } from '../domain/track-service-state.ts';
import type { CheckRecord } from '../domain/uptime.ts';

export interface SavedCheck {
  check: ServiceCheck;
  state: TrackedServiceState;
  transition: StateTransition | null;
  page: PageRequest | null;
}

/**
 * Storage the status core needs (the store implements it over Kysely). `saveCheck` must be one
 * transaction: append the check, replace the service's tracked state, and queue the transition
 * and page (outbox), so a crash never loses or doubles an alert.
 */
export interface StatusRepository {
  loadStates(serviceIds?: readonly string[]): Promise<TrackedServiceState[]>;
  saveCheck(saved: SavedCheck): Promise<void>;
  /** Checks at or after `since`, oldest first (uptime input). */
  listCheckRecords(since: Date, serviceIds?: readonly string[]): Promise<CheckRecord[]>;
  /** The newest check of each service, probe results included. */
  latestChecks(serviceIds?: readonly string[]): Promise<ServiceCheck[]>;
  /** Deletes checks older than `before`; returns how many. Keep 8 days for the 7-day uptime. */
  pruneChecks(before: Date): Promise<number>;
}

/** In-memory StatusRepository: tests, local mode, and the reference for the store's contract tests. */
export class InMemoryStatusRepository implements StatusRepository {
  readonly states = new Map<string, TrackedServiceState>();
  readonly checks: ServiceCheck[] = [];
  readonly outbox: { transition: StateTransition | null; page: PageRequest | null }[] = [];

  async loadStates(serviceIds?: readonly string[]): Promise<TrackedServiceState[]> {
    return [...this.states.values()].filter((s) => !serviceIds || serviceIds.includes(s.serviceId)).map((s) => ({ ...s }));
  }

  async saveCheck(saved: SavedCheck): Promise<void> {
    this.checks.push(saved.check);
    this.states.set(saved.state.serviceId, { ...saved.state });
    if (saved.transition || saved.page) this.outbox.push({ transition: saved.transition, page: saved.page });
  }

  async listCheckRecords(since: Date, serviceIds?: readonly string[]): Promise<CheckRecord[]> {
    return this.checks
      .filter((c) => c.checkedAt >= since && (!serviceIds || serviceIds.includes(c.serviceId)))
      .sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime())
      .map((c) => ({ serviceId: c.serviceId, state: c.state, checkedAt: c.checkedAt }));
  }

  async latestChecks(serviceIds?: readonly string[]): Promise<ServiceCheck[]> {
    const latest = new Map<string, ServiceCheck>();
    for (const c of this.checks) {
      if (serviceIds && !serviceIds.includes(c.serviceId)) continue;
      const seen = latest.get(c.serviceId);
      if (!seen || c.checkedAt >= seen.checkedAt) latest.set(c.serviceId, c);
    }
    return [...latest.values()];
  }

  async pruneChecks(before: Date): Promise<number> {
    const keep = this.checks.filter((c) => c.checkedAt >= before);
    const removed = this.checks.length - keep.length;
    this.checks.splice(0, this.checks.length, ...keep);
    return removed;
  }
}
