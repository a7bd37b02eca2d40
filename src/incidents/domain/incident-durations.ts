import type { Incident } from './incident.ts';

export interface IncidentDurations {
  /** Seconds from declaration; undefined while not reached. */
  toAcknowledge?: number;
  toMitigate?: number;
  toResolve?: number;
}

const seconds = (from: Date, to: Date | null) => (to === null ? undefined : Math.max(0, (to.getTime() - from.getTime()) / 1000));

export function incidentDurations(incident: Pick<Incident, 'declaredAt' | 'acknowledgedAt' | 'mitigatedAt' | 'resolvedAt'>): IncidentDurations {
  const d: IncidentDurations = {};
  const ack = seconds(incident.declaredAt, incident.acknowledgedAt);
  const mit = seconds(incident.declaredAt, incident.mitigatedAt);
  const res = seconds(incident.declaredAt, incident.resolvedAt);
  if (ack !== undefined) d.toAcknowledge = ack;
  if (mit !== undefined) d.toMitigate = mit;
  if (res !== undefined) d.toResolve = res;
  return d;
}

/** `45s`, `12m`, `3h 05m`, `2d 4h`. */
export function formatSeconds(total: number): string {
  const s = Math.round(total);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}
