import type { Effect } from '../../platform/outbox/effects.ts';
import type { ServiceCheck } from '../domain/aggregate-service.ts';
import type { TrackedServiceState } from '../domain/track-service-state.ts';
import type { CheckRecord } from '../domain/uptime.ts';

/** One service's check as a round saves it: the check and the tracked state it leads to. */
export interface SavedCheck {
  check: ServiceCheck;
  state: TrackedServiceState;
}

/**
 * The state a round's check was computed from: the check is recorded only if the service's
 * tracked state is still that one (`lastCheckedAt` as read, or no row yet), so two runs of a round
 * (a lease lost, a replica taking over) or two rounds at once never record a transition twice.
 */
export interface CheckGuard {
  previousCheckedAt: Date | null;
}

/** `stale`: someone recorded a newer check of the service first; nothing was written. */
export type CheckSaved = 'saved' | 'stale';

/** What a scheduled round reads and writes. */
export interface CheckWriter {
  /** Every service when `serviceIds` is omitted (as for the other reads). */
  loadStates(serviceIds?: readonly string[]): Promise<TrackedServiceState[]>;
  /**
   * One transaction: appends the check, replaces the service's tracked state and applies
   * `effects` (the alert and page deliveries), so a crash never loses or doubles an alert; only
   * if the tracked state is still the one the check was computed from (`guard`).
   */
  saveCheck(saved: SavedCheck, effects: readonly Effect[], guard: CheckGuard): Promise<CheckSaved>;
  /** Deletes checks older than `before`; returns how many. Keep 8 days for the 7-day uptime. */
  pruneChecks(before: Date): Promise<number>;
}

/** What `/k8s-infra status` and `GET /status` read. */
export interface StatusReader {
  /** Every service when `serviceIds` is omitted (as for the other reads). */
  loadStates(serviceIds?: readonly string[]): Promise<TrackedServiceState[]>;
  /** The newest check of each service, probe results included. */
  latestChecks(serviceIds?: readonly string[]): Promise<ServiceCheck[]>;
  /** Checks at or after `since`, oldest first (uptime input). */
  listCheckRecords(since: Date, serviceIds?: readonly string[]): Promise<CheckRecord[]>;
}

/** The paging engine's id of the page open for a service, so its recovery can resolve it. */
export interface PageRefs {
  pageRef(serviceId: string): Promise<string | null>;
  setPageRef(serviceId: string, ref: string | null): Promise<void>;
}

export type StatusRepository = CheckWriter & StatusReader & PageRefs;
