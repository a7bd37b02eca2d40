import { readerFailure, type ClusterReader, type ClusterRef, type NodePoolSnapshot } from '../ports/gcp-readers.ts';
import { describeError, severityOf, worstState, type Probe, type ProbeState, type ProbeVerdict } from '../domain/probe.ts';

export interface GkeProbeOptions extends ClusterRef {
  id?: string;
  name?: string;
  reader: ClusterReader;
}

const CLUSTER_STATES: Record<string, ProbeState> = {
  RUNNING: 'ok',
  RECONCILING: 'degraded',
  PROVISIONING: 'degraded',
  STOPPING: 'down',
  ERROR: 'down',
  DEGRADED: 'down',
};

const NODE_POOL_STATES: Record<string, ProbeState> = {
  RUNNING: 'ok',
  RUNNING_WITH_ERROR: 'degraded',
  RECONCILING: 'degraded',
  PROVISIONING: 'degraded',
  STOPPING: 'down',
  ERROR: 'down',
};

function clusterStatusState(status: string): ProbeState {
  return CLUSTER_STATES[status] ?? 'unknown';
}

function nodePoolStatusState(status: string): ProbeState {
  return NODE_POOL_STATES[status] ?? 'unknown';
}

/**
 * Cluster status decides, node pools can only make it worse: a broken pool while others run
 * is degraded (workloads can move), every pool broken is down.
 */
export function createGkeProbe(options: GkeProbeOptions): Probe {
  const ref: ClusterRef = { project: options.project, location: options.location, cluster: options.cluster };
  const what = `cluster ${ref.cluster} (${ref.project}/${ref.location})`;
  return {
    id: options.id ?? `gke:${ref.project}/${ref.location}/${ref.cluster}`,
    type: 'gke',
    label: options.name ?? `GKE ${ref.cluster} (${ref.project}, ${ref.location})`,
    async run(signal) {
      try {
        const cluster = await options.reader.getCluster(ref, signal);
        return judgeCluster(cluster.status, cluster.statusMessage, cluster.nodePools);
      } catch (error) {
        if (signal.aborted) throw error;
        return readerFailure(error, what) ?? { state: 'unknown', detail: `could not read ${what}: ${describeError(error)}` };
      }
    },
  };
}

function judgeCluster(status: string, statusMessage: string | undefined, pools: readonly NodePoolSnapshot[]): ProbeVerdict {
  const clusterState = clusterStatusState(status);
  const clusterText = statusMessage ? `${status}: ${statusMessage}` : status;
  const judged = pools.map((p) => ({ pool: p, state: nodePoolStatusState(p.status) }));
  const badPools = judged.filter((j) => j.state !== 'ok');
  const poolText = badPools
    .slice(0, 2)
    .map(({ pool }) => `node pool ${pool.name} ${pool.status}${pool.statusMessage ? `: ${pool.statusMessage}` : ''}`)
    .concat(badPools.length > 2 ? [`+${badPools.length - 2} more pools`] : [])
    .join('; ');

  let poolState: ProbeState = 'ok';
  if (badPools.length > 0) {
    const allDown = judged.length > 0 && judged.every((j) => j.state === 'down');
    const worstPool = worstState(badPools.map((b) => b.state)) ?? 'ok';
    poolState = allDown ? 'down' : worstPool === 'down' ? 'degraded' : worstPool;
  }
  const state = severityOf(poolState) > severityOf(clusterState) ? poolState : clusterState;
  if (badPools.length === 0) {
    return { state, detail: `${clusterText}, ${judged.length} node pool${judged.length === 1 ? '' : 's'} running` };
  }
  return { state, detail: `${clusterText}; ${poolText}` };
}
