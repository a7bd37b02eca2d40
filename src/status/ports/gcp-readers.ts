/**
 * What the status core needs from Google Cloud. Adapters in src/integrations/gcp implement these
 * with the Google clients; tests and local mode may implement them in memory.
 */

export interface ClusterRef {
  project: string;
  /** Region or zone, e.g. us-central1. */
  location: string;
  cluster: string;
}

export interface NodePoolSnapshot {
  name: string;
  /** GKE NodePool.Status name: RUNNING, RUNNING_WITH_ERROR, RECONCILING, PROVISIONING, STOPPING, ERROR, ... */
  status: string;
  statusMessage?: string;
}

export interface ClusterSnapshot {
  name: string;
  /** GKE Cluster.Status name: RUNNING, RECONCILING, PROVISIONING, STOPPING, ERROR, DEGRADED, ... */
  status: string;
  statusMessage?: string;
  currentMasterVersion?: string;
  nodePools: NodePoolSnapshot[];
}

export interface ClusterReader {
  getCluster(ref: ClusterRef, signal: AbortSignal): Promise<ClusterSnapshot>;
}

export interface LogQuery {
  project: string;
  /** A complete Cloud Logging filter, time bounds included (without one, the Cloud Logging client library adds its own last-24-hours bound). */
  filter: string;
  /** Return at most this many entries, newest first. */
  limit: number;
}

export interface LogEntrySummary {
  timestamp: Date | undefined;
  severity: string | undefined;
}

export interface LogReader {
  listEntries(query: LogQuery, signal: AbortSignal): Promise<LogEntrySummary[]>;
}

export type ReaderErrorKind = 'permission-denied' | 'unauthenticated' | 'not-found' | 'unavailable' | 'bad-response' | 'failed';

/** Adapters throw this so probes can tell "the thing is broken" from "we could not look". */
export class ReaderError extends Error {
  constructor(
    readonly kind: ReaderErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ReaderError';
  }
}

/** How a reader failure reads to people, and what it says about the service. */
export function readerFailure(error: unknown, what: string): { state: 'down' | 'unknown'; detail: string } | undefined {
  if (!(error instanceof ReaderError)) return undefined;
  switch (error.kind) {
    case 'permission-denied':
      return { state: 'unknown', detail: `permission denied reading ${what} (check the bot's IAM roles)` };
    case 'unauthenticated':
      return { state: 'unknown', detail: `not authenticated to read ${what}` };
    case 'not-found':
      return { state: 'down', detail: `${what} not found` };
    case 'unavailable':
      return { state: 'unknown', detail: `API unavailable reading ${what}` };
    case 'bad-response':
      return { state: 'unknown', detail: `unreadable answer reading ${what}` };
    case 'failed':
      return { state: 'unknown', detail: `could not read ${what}: ${error.message}` };
  }
}
