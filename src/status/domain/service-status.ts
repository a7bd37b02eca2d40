import type { ServiceCheck } from './aggregate-service.ts';
import type { ProbeResult, ProbeState } from './probe.ts';
import type { TrackedServiceState } from './track-service-state.ts';
import { DAY_MS, DEFAULT_MAX_GAP_MS, uptimeByService, type CheckRecord } from './uptime.ts';

export interface ServiceIdentity {
  id: string;
  name: string;
  sigs: readonly string[];
}

/** Everything the views and the status page show about one service. */
export interface ServiceStatus {
  id: string;
  name: string;
  sigs: readonly string[];
  /** Official state; before one is established, the latest check's. */
  state: ProbeState;
  /** False while no state has held long enough yet (or nothing was checked). */
  confirmed: boolean;
  /** When the official state began. */
  since: Date | null;
  detail: string;
  lastCheckedAt: Date | null;
  /** The latest check disagrees with the official state and may replace it. */
  pending: { state: ProbeState; count: number } | null;
  probes: readonly ProbeResult[];
  uptime: { day: number | null; week: number | null };
}

/** Pure: joins config, tracked states, latest checks and check records (for uptime). Keeps the config order. */
export function toServiceStatuses(
  services: readonly ServiceIdentity[],
  states: readonly TrackedServiceState[],
  latest: readonly ServiceCheck[],
  records: readonly CheckRecord[],
  now: Date,
): ServiceStatus[] {
  const stateOf = new Map(states.map((s) => [s.serviceId, s]));
  const latestOf = new Map(latest.map((c) => [c.serviceId, c]));
  const uptime = uptimeByService(records, now);
  return services.map((svc) => {
    const tracked = stateOf.get(svc.id);
    const check = latestOf.get(svc.id);
    const up = uptime.get(svc.id);
    const base = { id: svc.id, name: svc.name, sigs: svc.sigs, probes: check?.probes ?? [], uptime: { day: up?.day.ratio ?? null, week: up?.week.ratio ?? null } };
    if (!tracked) {
      return { ...base, state: check?.state ?? 'unknown', confirmed: false, since: null, detail: check?.detail ?? 'not checked yet', lastCheckedAt: check?.checkedAt ?? null, pending: null };
    }
    return {
      ...base,
      state: tracked.state ?? tracked.lastState,
      confirmed: tracked.state !== null,
      since: tracked.since,
      detail: tracked.lastDetail,
      lastCheckedAt: tracked.lastCheckedAt,
      pending: tracked.state !== null && tracked.pending !== null ? { state: tracked.pending, count: tracked.pendingCount } : null,
    };
  });
}

/** How far back uptime reads checks: 7 days, plus the gap a check before the window may cover. */
export function uptimeReadSince(now: Date): Date {
  return new Date(now.getTime() - 7 * DAY_MS - DEFAULT_MAX_GAP_MS);
}
