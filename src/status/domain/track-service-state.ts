import type { ProbeState } from './probe.ts';

/** What is remembered about a service between checks (one row per service). */
export interface TrackedServiceState {
  serviceId: string;
  /** Official state after flap damping; null until a first state has held long enough. */
  state: ProbeState | null;
  /** When the official state began (the first check of the streak that established it). */
  since: Date | null;
  /** A different state seen on the latest consecutive checks, not yet official. */
  pending: ProbeState | null;
  pendingCount: number;
  pendingSince: Date | null;
  lastState: ProbeState;
  lastDetail: string;
  lastCheckedAt: Date;
  /** A page was triggered for the current outage and not resolved yet. */
  pageOpen: boolean;
}

export const TRANSITION_KINDS = ['problem', 'recovery', 'change'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** An official state change: post it once to #k8s-infra-alerts. */
export interface StateTransition {
  serviceId: string;
  kind: TransitionKind;
  from: ProbeState | null;
  to: ProbeState;
  /** When the new state began (first check of the streak). */
  since: Date;
  /** When it became official (the check that confirmed it). */
  at: Date;
  detail: string;
}

export const PAGE_ACTIONS = ['trigger', 'resolve'] as const;

export interface PageRequest {
  action: (typeof PAGE_ACTIONS)[number];
  serviceId: string;
  /** Stable per service: PagerDuty reopens a fresh alert with it after a resolve. */
  dedupKey: string;
  detail: string;
}

export interface TrackOptions {
  /** Consecutive checks a new state must hold before it becomes official (default 2). */
  holdChecks?: number;
  pageOnDown: boolean;
}

export interface TrackResult {
  next: TrackedServiceState;
  changed: StateTransition | null;
  page: PageRequest | null;
}

export const DEFAULT_HOLD_CHECKS = 2;

function pageDedupKey(serviceId: string): string {
  return `k8s-infra-status/${serviceId}`;
}

/**
 * Pure flap damping. A state becomes official once it has been seen on `holdChecks` consecutive
 * checks; that moment yields exactly one transition. The very first official state yields none
 * when it is ok (nothing to tell) and one otherwise. Paging (services with `pageOnDown`):
 * trigger when `down` becomes official; resolve when the official state becomes ok or degraded.
 * Going from down to unknown keeps the page open: not being able to look is not a recovery.
 */
export function trackServiceState(
  prev: TrackedServiceState | undefined,
  check: { serviceId: string; state: ProbeState; detail: string; checkedAt: Date },
  options: TrackOptions,
): TrackResult {
  const hold = Math.max(1, options.holdChecks ?? DEFAULT_HOLD_CHECKS);
  const base: TrackedServiceState = prev ?? {
    serviceId: check.serviceId,
    state: null,
    since: null,
    pending: null,
    pendingCount: 0,
    pendingSince: null,
    lastState: check.state,
    lastDetail: check.detail,
    lastCheckedAt: check.checkedAt,
    pageOpen: false,
  };
  const next: TrackedServiceState = { ...base, lastState: check.state, lastDetail: check.detail, lastCheckedAt: check.checkedAt };

  if (check.state === base.state) {
    return { next: { ...next, pending: null, pendingCount: 0, pendingSince: null }, changed: null, page: null };
  }
  const streak = base.pending === check.state ? base.pendingCount + 1 : 1;
  const streakSince = base.pending === check.state && base.pendingSince ? base.pendingSince : check.checkedAt;
  if (streak < hold) {
    return { next: { ...next, pending: check.state, pendingCount: streak, pendingSince: streakSince }, changed: null, page: null };
  }

  const from = base.state;
  const to = check.state;
  const confirmed: TrackedServiceState = { ...next, state: to, since: streakSince, pending: null, pendingCount: 0, pendingSince: null };
  const kind: TransitionKind = to === 'ok' ? 'recovery' : from === null || from === 'ok' ? 'problem' : 'change';
  const changed: StateTransition | null =
    from === null && to === 'ok' ? null : { serviceId: check.serviceId, kind, from, to, since: streakSince, at: check.checkedAt, detail: check.detail };

  let page: PageRequest | null = null;
  const dedupKey = pageDedupKey(check.serviceId);
  if (to === 'down' && options.pageOnDown && !base.pageOpen) {
    page = { action: 'trigger', serviceId: check.serviceId, dedupKey, detail: check.detail };
    confirmed.pageOpen = true;
  } else if ((to === 'ok' || to === 'degraded') && base.pageOpen) {
    page = { action: 'resolve', serviceId: check.serviceId, dedupKey, detail: check.detail };
    confirmed.pageOpen = false;
  }
  return { next: confirmed, changed, page };
}
