import type { Effect } from '../../../src/platform/outbox/effects.ts';
import type { ServiceCheck } from '../../../src/status/domain/aggregate-service.ts';
import type { TrackedServiceState } from '../../../src/status/domain/track-service-state.ts';
import type { CheckRecord } from '../../../src/status/domain/uptime.ts';
import type { CheckGuard, CheckSaved, SavedCheck, StatusRepository } from '../../../src/status/ports/status-repository.ts';

/** StatusRepository in memory: the use cases' fast tests, and the reference for the store's contract tests. */
export class InMemoryStatusRepository implements StatusRepository {
  readonly states = new Map<string, TrackedServiceState>();
  readonly checks: ServiceCheck[] = [];
  /** The effects of each save that asked for any (alert and page deliveries). */
  readonly outbox: (readonly Effect[])[] = [];
  readonly pageRefs = new Map<string, string>();

  async loadStates(serviceIds?: readonly string[]): Promise<TrackedServiceState[]> {
    return [...this.states.values()].filter((s) => !serviceIds || serviceIds.includes(s.serviceId)).map((s) => ({ ...s }));
  }

  async saveCheck(saved: SavedCheck, effects: readonly Effect[], guard: CheckGuard): Promise<CheckSaved> {
    // The same compare-and-set as the SQL store: only onto the state the check was computed from.
    const current = this.states.get(saved.state.serviceId);
    if ((current?.lastCheckedAt.getTime() ?? null) !== (guard.previousCheckedAt?.getTime() ?? null)) return 'stale';
    if (!this.checks.some((c) => c.serviceId === saved.check.serviceId && c.checkedAt.getTime() === saved.check.checkedAt.getTime())) this.checks.push(saved.check);
    this.states.set(saved.state.serviceId, { ...saved.state });
    if (effects.length > 0) this.outbox.push(effects);
    return 'saved';
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

  async pageRef(serviceId: string): Promise<string | null> {
    return this.pageRefs.get(serviceId) ?? null;
  }

  async setPageRef(serviceId: string, ref: string | null): Promise<void> {
    if (ref === null) this.pageRefs.delete(serviceId);
    else this.pageRefs.set(serviceId, ref);
  }
}
