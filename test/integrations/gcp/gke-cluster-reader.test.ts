import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { probeSchema } from '../../../src/platform/config/sections/probes.ts';
import { createGkeClusterReader, type GkeClusterReader } from '../../../src/integrations/gcp/gke-cluster-reader.ts';
import { noCredentialsAuthClient } from '../../../src/integrations/gcp/gcp-connection.ts';
import { buildProbe } from '../../../src/status/build-probe.ts';
import { ReaderError } from '../../../src/status/ports/gcp-readers.ts';
import { googleError, json, startFakeGoogleApi, type FakeGoogleApi } from './helpers/fake-google-api.ts';

/** prow-build as in audit/gke-clusters-summary.txt, in proto JSON with numeric enums (the client asks for enum-encoding=int). */
const prowBuild = (clusterStatus = 2, poolStatuses: [number, string?][] = [[2], [2]]) => ({
  name: 'prow-build',
  location: 'us-central1',
  currentMasterVersion: '1.20.10-gke.1600',
  status: clusterStatus,
  nodePools: [
    { name: 'greenhouse-20200518173345958100000001', config: { machineType: 'n1-standard-32' }, autoscaling: { maxNodeCount: 1 } },
    { name: 'pool5-20210928124956061000000001', config: { machineType: 'n1-highmem-8' }, autoscaling: { maxNodeCount: 80 } },
  ].map((pool, i) => ({ ...pool, status: poolStatuses[i]?.[0] ?? 2, ...(poolStatuses[i]?.[1] ? { statusMessage: poolStatuses[i]![1] } : {}) })),
});

const signal = () => new AbortController().signal;
const ref = { project: 'k8s-infra-prow-build', location: 'us-central1', cluster: 'prow-build' };

describe('GKE cluster reader over the REST fallback (local fake)', () => {
  let api: FakeGoogleApi;
  let reader: GkeClusterReader;
  beforeAll(async () => {
    api = await startFakeGoogleApi();
    reader = createGkeClusterReader({ fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port: api.port, authClient: noCredentialsAuthClient(), requestTimeoutMs: 1000 });
  });
  afterEach(() => {
    api.requests.length = 0;
  });
  afterAll(async () => {
    await reader.close();
    await api.close();
  });

  it('reads cluster and node-pool status from GET /v1/projects/P/locations/L/clusters/C', async () => {
    api.answer = () => json(200, prowBuild(2, [[2], [3, 'Quota CPUS exceeded']]));
    const cluster = await reader.getCluster(ref, signal());
    expect(cluster).toEqual({
      name: 'prow-build',
      status: 'RUNNING',
      currentMasterVersion: '1.20.10-gke.1600',
      nodePools: [
        { name: 'greenhouse-20200518173345958100000001', status: 'RUNNING' },
        { name: 'pool5-20210928124956061000000001', status: 'RUNNING_WITH_ERROR', statusMessage: 'Quota CPUS exceeded' },
      ],
    });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]!.method).toBe('GET');
    expect(api.requests[0]!.path).toBe('/v1/projects/k8s-infra-prow-build/locations/us-central1/clusters/prow-build');
    expect(api.requests[0]!.headers['authorization']).toBeUndefined();
  });

  it('accepts enum names as well as numbers', async () => {
    api.answer = () => json(200, { name: 'aaa', status: 'RECONCILING', nodePools: [{ name: 'pool1', status: 'RUNNING' }] });
    expect((await reader.getCluster({ project: 'kubernetes-public', location: 'us-central1', cluster: 'aaa' }, signal())).status).toBe('RECONCILING');
  });

  it('maps 403 to a permission-denied ReaderError', async () => {
    api.answer = () => googleError(403, 'PERMISSION_DENIED', 'Required "container.clusters.get" permission(s) for "projects/k8s-infra-prow-build/locations/us-central1/clusters/prow-build".');
    const error = await reader.getCluster(ref, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReaderError);
    expect((error as ReaderError).kind).toBe('permission-denied');
  });

  it('maps 404 to not-found', async () => {
    api.answer = () => googleError(404, 'NOT_FOUND', 'Not found: projects/k8s-infra-prow-build/locations/us-central1/clusters/prow-build.');
    expect(await reader.getCluster(ref, signal()).catch((e: ReaderError) => e.kind)).toBe('not-found');
  });

  it('maps a garbage body to bad-response', async () => {
    api.answer = () => ({ status: 200, body: '<html><body>502 Bad Gateway</body></html>' });
    expect(await reader.getCluster(ref, signal()).catch((e: ReaderError) => e.kind)).toBe('bad-response');
    // A JSON answer without status decodes to the proto default, which the probe reads as unknown.
    api.answer = () => json(200, { name: 'prow-build' });
    expect((await reader.getCluster(ref, signal())).status).toBe('STATUS_UNSPECIFIED');
  });

  it('gives up when the signal aborts', async () => {
    api.answer = () => ({ ...json(200, prowBuild()), delayMs: 800 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expect(reader.getCluster(ref, controller.signal)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(700);
  });

  describe('through the gke probe', () => {
    const probeFor = (cluster: string, project: string) =>
      buildProbe(probeSchema.parse({ type: 'gke', project, location: 'us-central1', cluster }), { clock: new ManualClock(0), clusterReader: reader });

    it('happy path: RUNNING with running pools is ok', async () => {
      api.answer = () => json(200, prowBuild());
      expect(await probeFor('prow-build', 'k8s-infra-prow-build').run(signal())).toEqual({ state: 'ok', detail: 'RUNNING, 2 node pools running' });
    });

    it('a pool in ERROR while another runs is degraded; every pool in ERROR is down', async () => {
      api.answer = () => json(200, prowBuild(2, [[2], [6, 'Instance group not found']]));
      expect(await probeFor('prow-build', 'k8s-infra-prow-build').run(signal())).toEqual({
        state: 'degraded',
        detail: 'RUNNING; node pool pool5-20210928124956061000000001 ERROR: Instance group not found',
      });
      api.answer = () => json(200, prowBuild(2, [[6], [6]]));
      expect((await probeFor('prow-build', 'k8s-infra-prow-build').run(signal())).state).toBe('down');
    });

    it('403 is unknown (we could not look), not down', async () => {
      api.answer = () => googleError(403, 'PERMISSION_DENIED', 'Required "container.clusters.get" permission(s).');
      expect(await probeFor('prow-build-trusted', 'k8s-infra-prow-build-trusted').run(signal())).toEqual({
        state: 'unknown',
        detail: "permission denied reading cluster prow-build-trusted (k8s-infra-prow-build-trusted/us-central1) (check the bot's IAM roles)",
      });
    });

    it('a garbage body is unknown', async () => {
      api.answer = () => ({ status: 200, body: 'not json at all' });
      expect(await probeFor('aaa', 'kubernetes-public').run(signal())).toEqual({
        state: 'unknown',
        detail: 'unreadable answer reading cluster aaa (kubernetes-public/us-central1)',
      });
    });

    it('a cluster in ERROR is down, RECONCILING degraded', async () => {
      api.answer = () => json(200, { ...prowBuild(5), statusMessage: 'Cluster is being repaired' });
      expect(await probeFor('prow-build', 'k8s-infra-prow-build').run(signal())).toEqual({ state: 'down', detail: 'ERROR: Cluster is being repaired, 2 node pools running' });
      api.answer = () => json(200, prowBuild(3));
      expect((await probeFor('prow-build', 'k8s-infra-prow-build').run(signal())).state).toBe('degraded');
    });
  });
});
