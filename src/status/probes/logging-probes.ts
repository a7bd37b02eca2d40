import type { Clock } from '../../core/clock.ts';
import { readerFailure, type LogReader } from '../ports/gcp-readers.ts';
import { describeError, type Probe, type ProbeVerdict } from '../domain/probe.ts';

const MINUTE_MS = 60_000;

export interface LogCountProbeOptions {
  id?: string;
  name?: string;
  project: string;
  filter: string;
  windowMinutes: number;
  degradedAbove: number;
  downAbove?: number;
  reader: LogReader;
  clock: Clock;
}

/**
 * Counts matching log entries over the last window (Cloud Build failures, BigQuery job errors):
 * more than `degradedAbove` is degraded, more than `downAbove` is down. Only one page of
 * threshold+1 entries is read, so a flood costs the same as a trickle.
 */
export function createLogCountProbe(options: LogCountProbeOptions): Probe {
  const what = `logs of ${options.project}`;
  const cap = Math.max(options.degradedAbove, options.downAbove ?? 0) + 1;
  return {
    id: options.id ?? `logging:${options.project}:${shortHash(options.filter)}`,
    type: 'logging',
    label: options.name ?? `Cloud Logging ${options.project}: ${clip(options.filter)}`,
    async run(signal) {
      const since = new Date(options.clock.now().getTime() - options.windowMinutes * MINUTE_MS);
      const filter = `(${options.filter}) AND timestamp>="${since.toISOString()}"`;
      let count: number;
      try {
        count = (await options.reader.listEntries({ project: options.project, filter, limit: cap }, signal)).length;
      } catch (error) {
        if (signal.aborted) throw error;
        return readerFailure(error, what) ?? { state: 'unknown', detail: `could not read ${what}: ${describeError(error)}` };
      }
      const shown = count >= cap ? `at least ${count}` : String(count);
      const text = `${shown} matching entr${count === 1 ? 'y' : 'ies'} in the last ${formatMinutes(options.windowMinutes)}`;
      if (options.downAbove !== undefined && count > options.downAbove) return { state: 'down', detail: `${text} (down above ${options.downAbove})` };
      if (count > options.degradedAbove) return { state: 'degraded', detail: `${text} (degraded above ${options.degradedAbove})` };
      return { state: 'ok', detail: text };
    },
  };
}

export interface LogFreshnessProbeOptions {
  id?: string;
  name?: string;
  project: string;
  filter: string;
  maxAgeMinutes: number;
  downAfterMinutes?: number;
  reader: LogReader;
  clock: Clock;
}

/**
 * The newest matching entry must be recent (a scheduled BigQuery load or Cloud Build trigger keeps
 * running): older than `maxAgeMinutes` is degraded, older than `downAfterMinutes` is down.
 * The query looks back `downAfterMinutes`, or max(4 x maxAge, 1 day) when that is unset.
 */
export function createLogFreshnessProbe(options: LogFreshnessProbeOptions): Probe {
  const what = `logs of ${options.project}`;
  const lookbackMinutes = options.downAfterMinutes ?? Math.max(4 * options.maxAgeMinutes, 24 * 60);
  return {
    id: options.id ?? `logging-freshness:${options.project}:${shortHash(options.filter)}`,
    type: 'logging-freshness',
    label: options.name ?? `Newest Cloud Logging entry in ${options.project}: ${clip(options.filter)}`,
    async run(signal) {
      const now = options.clock.now();
      const since = new Date(now.getTime() - lookbackMinutes * MINUTE_MS);
      const filter = `(${options.filter}) AND timestamp>="${since.toISOString()}"`;
      let newest: Date | undefined;
      try {
        const entries = await options.reader.listEntries({ project: options.project, filter, limit: 1 }, signal);
        if (entries.length === 0) {
          const state = options.downAfterMinutes !== undefined ? 'down' : 'degraded';
          return { state, detail: `no matching entry in the last ${formatMinutes(lookbackMinutes)}` };
        }
        newest = entries[0]?.timestamp;
      } catch (error) {
        if (signal.aborted) throw error;
        return readerFailure(error, what) ?? { state: 'unknown', detail: `could not read ${what}: ${describeError(error)}` };
      }
      if (newest === undefined) return { state: 'unknown', detail: 'newest matching entry has no timestamp' };
      return judgeFreshness(Math.max(0, now.getTime() - newest.getTime()), options.maxAgeMinutes, options.downAfterMinutes);
    },
  };
}

function judgeFreshness(ageMs: number, maxAgeMinutes: number, downAfterMinutes: number | undefined): ProbeVerdict {
  const ageMinutes = Math.floor(ageMs / MINUTE_MS);
  const text = `newest matching entry ${formatMinutes(ageMinutes)} old`;
  if (downAfterMinutes !== undefined && ageMs > downAfterMinutes * MINUTE_MS) {
    return { state: 'down', detail: `${text} (down after ${formatMinutes(downAfterMinutes)})` };
  }
  if (ageMs > maxAgeMinutes * MINUTE_MS) return { state: 'degraded', detail: `${text} (expected within ${formatMinutes(maxAgeMinutes)})` };
  return { state: 'ok', detail: text };
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} d`;
  if (minutes % 60 === 0 || minutes >= 24 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Short stable key for a filter, so the probe id survives restarts without repeating the filter. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function clip(filter: string): string {
  const flat = filter.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
