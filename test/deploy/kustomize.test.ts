/**
 * deploy/ as the cluster would receive it: `kubectl kustomize` (kubectl's built-in kustomize) renders
 * it, and the objects are checked for what the group's clusters expect. No cluster is at hand, so
 * this is the test of the manifests; kubectl is required (CI has it).
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { readEnv } from '../../src/platform/config/env.ts';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  ports: { name: string; containerPort: number }[];
  env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  startupProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
  resources: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
  volumeMounts: { name: string; mountPath: string }[];
}
interface PodSpec {
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  volumes: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[];
}

let objects: K8sObject[];
const one = (kind: string) => {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0]!;
};
const pod = () => (one('Deployment').spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
const bot = () => pod().spec.containers[0]!;

function mebibytes(quantity: string): number {
  const m = /^(\d+)(Mi|Gi|M|G)$/.exec(quantity);
  if (!m) throw new Error(`unexpected quantity ${quantity}`);
  const n = Number(m[1]);
  return m[2] === 'Gi' ? n * 1024 : m[2] === 'G' ? (n * 1e9) / 2 ** 20 : m[2] === 'M' ? (n * 1e6) / 2 ** 20 : n;
}

beforeAll(() => {
  const r = spawnSync('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', 'deploy/'], { encoding: 'utf8' });
  if (r.error) throw new Error(`kubectl is required for this test (it renders deploy/): ${r.error.message}`);
  expect(r.status, r.stderr).toBe(0);
  objects = parseAllDocuments(r.stdout).map((d) => d.toJS() as K8sObject);
});

describe('kubectl kustomize deploy/', () => {
  it('renders the Deployment, Service, PodDisruptionBudget, ExternalSecret, NetworkPolicy and the config, all in one namespace', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'ExternalSecret', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
    expect(new Set(objects.map((o) => o.metadata.namespace))).toEqual(new Set(['k8s-infra-bot']));
  });

  it('runs the promoted image from registry.k8s.io, never gcr.io, pinned to a version tag', () => {
    expect(bot().image).toMatch(/^registry\.k8s\.io\/k8s-infra-bot\/k8s-infra-bot:v\d+\.\d+\.\d+$/);
    expect(objects.some((o) => JSON.stringify(o).includes('gcr.io/'))).toBe(false);
  });

  it('has a startupProbe, readiness on /readyz and liveness on /healthz, on the named port', () => {
    const c = bot();
    expect(c.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    expect(c.startupProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
  });

  it('requests memory above the benchmarked idle RSS (110 MB goal) and limits it, requests CPU', () => {
    const { requests, limits } = bot().resources;
    expect(mebibytes(requests!.memory!)).toBeGreaterThanOrEqual(110 * 1e6 / 2 ** 20);
    expect(mebibytes(limits!.memory!)).toBeGreaterThan(mebibytes(requests!.memory!));
    expect(requests!.cpu).toMatch(/^\d+m$/);
  });

  it('drains inside the pod grace: SHUTDOWN_GRACE_MS below terminationGracePeriodSeconds', () => {
    const grace = Number(bot().env.find((e) => e.name === 'SHUTDOWN_GRACE_MS')?.value);
    expect(grace).toBeGreaterThan(0);
    expect(grace + 2000).toBeLessThanOrEqual((pod().spec.terminationGracePeriodSeconds ?? 30) * 1000);
  });

  it('runs as the non-root user with a read-only root filesystem', () => {
    expect(pod().spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(bot().securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it('takes every secret from the Secret the ExternalSecret writes from Secret Manager, key by key', () => {
    const es = one('ExternalSecret') as K8sObject & { spec: { secretStoreRef: { kind: string; name: string }; target: { name: string }; data: { secretKey: string; remoteRef: { key: string } }[] } };
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'kubernetes-public' });
    const keys = new Set(es.spec.data.map((d) => d.secretKey));
    const target = es.spec.target.name;
    // Secret files: every *_FILE points into the mounted Secret at a key the ExternalSecret writes.
    const mount = bot().volumeMounts.find((m) => pod().spec.volumes.find((v) => v.name === m.name)?.secret)!;
    expect(pod().spec.volumes.find((v) => v.name === mount.name)?.secret?.secretName).toBe(target);
    const files = bot().env.filter((e) => e.name.endsWith('_FILE'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      expect(f.value!.startsWith(`${mount.mountPath}/`), f.name).toBe(true);
      expect(keys.has(f.value!.slice(mount.mountPath.length + 1)), f.name).toBe(true);
    }
    for (const e of bot().env.filter((x) => x.valueFrom?.secretKeyRef)) {
      expect(e.valueFrom!.secretKeyRef!.name).toBe(target);
      expect(keys.has(e.valueFrom!.secretKeyRef!.key), e.name).toBe(true);
    }
    // No Secret object with values is shipped in the manifests.
    expect(objects.some((o) => o.kind === 'Secret')).toBe(false);
  });

  it('mounts the generated ConfigMap (hash-suffixed name) that holds infra.yaml, where INFRA_CONFIG points', () => {
    const cm = one('ConfigMap');
    expect(cm.metadata.name).toMatch(/^k8s-infra-bot-config-[a-z0-9]+$/);
    expect(Object.keys(cm.data!)).toEqual(['infra.yaml']);
    const volume = pod().spec.volumes.find((v) => v.configMap)!;
    expect(volume.configMap!.name).toBe(cm.metadata.name);
    const mount = bot().volumeMounts.find((m) => m.name === volume.name)!;
    expect(bot().env.find((e) => e.name === 'INFRA_CONFIG')?.value).toBe(`${mount.mountPath}/infra.yaml`);
  });

  it("sets only environment the bot reads, and readEnv accepts it (HTTP mode)", () => {
    const plain = Object.fromEntries(bot().env.filter((e) => e.value !== undefined && !e.name.endsWith('_FILE')).map((e) => [e.name, e.value!]));
    const env = readEnv({ ...plain, SLACK_BOT_TOKEN: 'xoxb-0123456789', SLACK_SIGNING_SECRET: 'signing-0123456789', DATABASE_URL: 'postgres://bot@db/bot', REPLICA_ID: 'pod-0' });
    expect(env).toMatchObject({ port: 3000, slackMode: 'http', shutdownGraceMs: 25_000, publicUrl: 'https://k8s-infra-bot.k8s.io' });
    const known = /^(PORT|INFRA_CONFIG|PUBLIC_URL|SHUTDOWN_GRACE_MS|DATABASE_URL|REPLICA_ID|(SLACK_BOT_TOKEN|SLACK_SIGNING_SECRET|GITHUB_TOKEN|GITHUB_WEBHOOK_SECRET|PAGERDUTY_WEBHOOK_SECRET)_FILE)$/;
    expect(bot().env.map((e) => e.name).filter((n) => !known.test(n))).toEqual([]);
  });

  it('lets traffic in only on the bot port and out to DNS, PostgreSQL and web/SMTP ports, for the pods it selects', () => {
    const np = one('NetworkPolicy') as K8sObject & { spec: { podSelector: { matchLabels: Record<string, string> }; policyTypes: string[]; ingress: { ports: { port: number }[] }[]; egress: { ports: { protocol: string; port: number }[] }[] } };
    expect(np.spec.podSelector.matchLabels).toEqual(pod().metadata.labels);
    expect(np.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    expect(np.spec.ingress.flatMap((r) => r.ports.map((p) => p.port))).toEqual([3000]);
    const out = np.spec.egress.flatMap((r) => r.ports.map((p) => `${p.protocol}/${p.port}`)).sort();
    expect(out).toEqual(['TCP/443', 'TCP/53', 'TCP/5432', 'TCP/587', 'TCP/80', 'UDP/53']);
    const svc = one('Service') as K8sObject & { spec: { selector: Record<string, string>; ports: { targetPort: string }[] } };
    expect(svc.spec.selector).toEqual(pod().metadata.labels);
    expect(svc.spec.ports[0]!.targetPort).toBe('http');
  });
});
