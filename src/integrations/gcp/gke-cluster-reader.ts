import { ClusterManagerClient } from '@google-cloud/container';
import { ReaderError, type ClusterReader, type ClusterSnapshot, type NodePoolSnapshot } from '../../status/ports/gcp-readers.ts';
import { clientOptions, credentialsResolver, type GcpConnection } from './gcp-connection.ts';
import { toReaderError, untilAborted } from './reader-errors.ts';

type ClusterManagerOptions = ConstructorParameters<typeof ClusterManagerClient>[0];

export interface GkeClusterReader extends ClusterReader {
  close(): Promise<void>;
}

/** ClusterReader over `ClusterManagerClient.getCluster` (@google-cloud/container v6). */
export function createGkeClusterReader(connection: GcpConnection = {}): GkeClusterReader {
  const resolve = credentialsResolver(connection);
  let client: ClusterManagerClient | undefined;
  const clientReady = async () => (client ??= new ClusterManagerClient(clientOptions(await resolve()) as ClusterManagerOptions));
  const timeout = connection.requestTimeoutMs ?? 4000;
  return {
    async getCluster(ref, signal) {
      const name = `projects/${ref.project}/locations/${ref.location}/clusters/${ref.cluster}`;
      let response: unknown;
      try {
        const c = await untilAborted(clientReady(), signal);
        [response] = await untilAborted(c.getCluster({ name }, { timeout, maxRetries: 1 }), signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw toReaderError(error);
      }
      return toSnapshot(response, ref.cluster);
    },
    close: async () => {
      await client?.close();
    },
  };
}

function toSnapshot(raw: unknown, fallbackName: string): ClusterSnapshot {
  if (typeof raw !== 'object' || raw === null) throw new ReaderError('bad-response', 'empty cluster answer');
  const c = raw as { name?: unknown; status?: unknown; statusMessage?: unknown; currentMasterVersion?: unknown; nodePools?: unknown };
  const status = enumName(c.status);
  if (status === undefined) throw new ReaderError('bad-response', 'cluster answer without status');
  const pools = Array.isArray(c.nodePools) ? c.nodePools : [];
  const snapshot: ClusterSnapshot = {
    name: typeof c.name === 'string' && c.name ? c.name : fallbackName,
    status,
    nodePools: pools.map(toPool),
  };
  if (typeof c.statusMessage === 'string' && c.statusMessage) snapshot.statusMessage = c.statusMessage;
  if (typeof c.currentMasterVersion === 'string' && c.currentMasterVersion) snapshot.currentMasterVersion = c.currentMasterVersion;
  return snapshot;
}

function toPool(raw: unknown): NodePoolSnapshot {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as { name?: unknown; status?: unknown; statusMessage?: unknown };
  const pool: NodePoolSnapshot = { name: typeof p.name === 'string' ? p.name : '?', status: enumName(p.status, NODE_POOL_STATUS_NAMES) ?? 'STATUS_UNSPECIFIED' };
  if (typeof p.statusMessage === 'string' && p.statusMessage) pool.statusMessage = p.statusMessage;
  return pool;
}

const CLUSTER_STATUS_NAMES = ['STATUS_UNSPECIFIED', 'PROVISIONING', 'RUNNING', 'RECONCILING', 'STOPPING', 'ERROR', 'DEGRADED'];
const NODE_POOL_STATUS_NAMES = ['STATUS_UNSPECIFIED', 'PROVISIONING', 'RUNNING', 'RUNNING_WITH_ERROR', 'RECONCILING', 'STOPPING', 'ERROR'];

/** The client decodes enums to names; a number only appears if decoding changes, so map it defensively. */
function enumName(v: unknown, names: readonly string[] = CLUSTER_STATUS_NAMES): string | undefined {
  if (typeof v === 'string' && v) return v;
  if (typeof v === 'number') return names[v] ?? String(v);
  return undefined;
}
