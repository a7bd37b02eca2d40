import type { ProbeState } from './probe.ts';

/** One stored service check, the input to uptime. */
export interface CheckRecord {
  serviceId: string;
  state: ProbeState;
  checkedAt: Date;
}

export interface Uptime {
  /** up / (up + down), or null when nothing known falls in the window. */
  ratio: number | null;
  upMs: number;
  downMs: number;
  /** Time covered by unknown checks or by no check at all. */
  unknownMs: number;
}

export interface UptimeOptions {
  now: Date;
  windowMs: number;
  /** A check vouches for at most this long after it (default 15 min): longer gaps count as unknown. */
  maxGapMs?: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_GAP_MS = 15 * 60 * 1000;

/**
 * Time-weighted uptime of one service: each check's state holds until the next check (at most
 * `maxGapMs`). ok and degraded count as up (the service answers), down as down, unknown is left
 * out of the ratio. A check from before the window covers the window's start.
 */
export function computeUptime(records: readonly CheckRecord[], options: UptimeOptions): Uptime {
  const end = options.now.getTime();
  const start = end - options.windowMs;
  const maxGap = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const sorted = records.map((r) => ({ t: r.checkedAt.getTime(), state: r.state })).filter((r) => r.t <= end).sort((a, b) => a.t - b.t);
  let upMs = 0;
  let downMs = 0;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    const nextT = i + 1 < sorted.length ? sorted[i + 1]!.t : end;
    const from = Math.max(r.t, start);
    const to = Math.min(nextT, r.t + maxGap, end);
    if (to <= from) continue;
    if (r.state === 'ok' || r.state === 'degraded') upMs += to - from;
    else if (r.state === 'down') downMs += to - from;
  }
  const known = upMs + downMs;
  return { ratio: known === 0 ? null : upMs / known, upMs, downMs, unknownMs: options.windowMs - known };
}

export interface ServiceUptime {
  day: Uptime;
  week: Uptime;
}

/** 24-hour and 7-day uptime for each service in `records`. */
export function uptimeByService(records: readonly CheckRecord[], now: Date, maxGapMs?: number): Map<string, ServiceUptime> {
  const byService = new Map<string, CheckRecord[]>();
  for (const r of records) {
    const list = byService.get(r.serviceId);
    if (list) list.push(r);
    else byService.set(r.serviceId, [r]);
  }
  const out = new Map<string, ServiceUptime>();
  const gap = maxGapMs === undefined ? {} : { maxGapMs };
  for (const [id, list] of byService) {
    out.set(id, {
      day: computeUptime(list, { now, windowMs: DAY_MS, ...gap }),
      week: computeUptime(list, { now, windowMs: 7 * DAY_MS, ...gap }),
    });
  }
  return out;
}

/** `99.95%`, rounded down so any downtime never shows as 100%; `n/a` without data. */
export function formatUptime(ratio: number | null): string {
  if (ratio === null) return 'n/a';
  if (ratio >= 1) return '100%';
  return `${(Math.floor(ratio * 10_000) / 100).toFixed(2)}%`;
}
