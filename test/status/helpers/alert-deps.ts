import { ManualClock } from '../../../src/core/clock.ts';
import type { AlertLock } from '../../../src/status/ports/alert-lock.ts';
import type { PostStatusAlertDeps } from '../../../src/status/use-cases/post-status-alert.ts';
import type { AlertService } from '../../../src/status/views/status-alert.ts';
import { InMemoryStatusRepository } from './in-memory-status-repository.ts';
import { RecordingNotifier } from './recording-notifier.ts';

/** The alert lock in memory: the same rule as the leases table (free, expired, or one's own). */
export class MemoryAlertLock implements AlertLock {
  readonly held = new Map<string, { holder: string; until: number }>();
  async acquire(serviceId: string, holder: string, until: Date, now: Date): Promise<boolean> {
    const current = this.held.get(serviceId);
    if (current && current.until > now.getTime() && current.holder !== holder) return false;
    this.held.set(serviceId, { holder, until: until.getTime() });
    return true;
  }
  async release(serviceId: string, holder: string): Promise<void> {
    if (this.held.get(serviceId)?.holder === holder) this.held.delete(serviceId);
  }
}

/** Everything postStatusAlert takes, in memory; the parts stay reachable for assertions. */
export function alertDeps(services: readonly AlertService[], overrides: Partial<PostStatusAlertDeps> = {}) {
  const deliveries = new RecordingNotifier();
  const states = new InMemoryStatusRepository();
  const lock = new MemoryAlertLock();
  const clock = new ManualClock('2026-11-24T03:15:00Z');
  const log = { info: () => undefined, warn: () => undefined };
  const deps: PostStatusAlertDeps = {
    services,
    deliveries,
    alertsChannel: 'C0ALERTS',
    statusPageUrl: 'https://bot.k8s.io/status',
    states,
    lock,
    clock,
    log,
    mayHavePosted: (err) => !(err instanceof Error && /ratelimited|channel_not_found/.test(err.message)),
    ...overrides,
  };
  return { deps, deliveries, states, lock, clock };
}
