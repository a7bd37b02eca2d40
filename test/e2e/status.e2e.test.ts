import type { StatusTables } from '../../src/status/store/tables.ts';
import type { PagingTables } from '../../src/escalation/store/tables.ts';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../src/platform/config/load-config.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { probeSchema, type ProbeConfigInput } from '../../src/platform/config/sections/probes.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { CAPABILITIES } from '../../src/platform/capabilities.ts';
import { AuditLog } from '../../src/platform/store/audit-log.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { statusModule } from '../../src/status/capability.ts';
import { noCredentialsAuthClient } from '../../src/integrations/gcp/gcp-connection.ts';
import { json, googleError, startFakeGoogleApi, type FakeGoogleApi } from '../integrations/gcp/helpers/fake-google-api.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { startFakeDnsServer, type FakeDnsServer } from '../status/helpers/fake-dns-server.ts';
import { close, listen } from '../status/helpers/listen.ts';

const START = '2026-11-24T03:12:00Z';
const MINUTE = 60_000;
const USER = 'U0AMEUKAM';

async function eventually<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, what: string, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Local stand-ins for registry.k8s.io, kubernetes.io, the k8s.io redirector, GCS and GAE. */
function startFakeWeb(state: { registryDown: boolean }): Server {
  return createServer((req, res) => {
    switch (req.url) {
      case '/v2/':
        if (state.registryDown) {
          res.writeHead(503).end('unavailable');
          return;
        }
        res.writeHead(200, { 'Docker-Distribution-Api-Version': 'registry/2.0', 'content-type': 'application/json' }).end('{}');
        return;
      case '/redirector/':
        res.writeHead(301, { location: 'https://kubernetes.io/' }).end();
        return;
      case '/release/stable.txt':
        res.writeHead(200).end('v1.31.2');
        return;
      default:
        res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Kubernetes</title>');
    }
  });
}

function e2eConfig(web: string, dns: string): InfraConfig {
  const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
  const probes: Record<string, ProbeConfigInput[]> = {
    dns: [{ type: 'dns', zone: 'k8s.io', records: ['', 'redirect'], types: ['A'], servers: [dns], timeoutMs: 500 }],
    registry: [
      { type: 'http', url: `${web}/v2/`, expectStatus: 200, expectHeader: { name: 'Docker-Distribution-Api-Version', value: 'registry/2.0' }, timeoutMs: 800 },
    ],
    gcs: [{ type: 'http', url: `${web}/release/stable.txt`, expectBody: { pattern: '^v1\\.\\d+\\.\\d+' }, timeoutMs: 800 }],
    gke: [
      { type: 'gke', project: 'kubernetes-public', location: 'us-central1', cluster: 'aaa' },
      { type: 'gke', project: 'k8s-infra-prow-build', location: 'us-central1', cluster: 'prow-build' },
      { type: 'gke', project: 'k8s-infra-prow-build-trusted', location: 'us-central1', cluster: 'prow-build-trusted' },
    ],
    gae: [{ type: 'http', url: `${web}/gubernator/`, timeoutMs: 800 }],
    gcb: [
      { type: 'logging', project: 'k8s-staging-test-infra', filter: 'resource.type="build" AND severity>=ERROR', degradedAbove: 5, downAbove: 50 },
      { type: 'logging-freshness', project: 'k8s-staging-test-infra', filter: 'resource.type="build"', maxAgeMinutes: 1440 },
    ],
    bigquery: [{ type: 'logging-freshness', project: 'kubernetes-public', filter: 'resource.type="bigquery_resource"', maxAgeMinutes: 1440 }],
    website: [
      { type: 'http', url: `${web}/`, expectBody: { contains: 'Kubernetes' }, timeoutMs: 800 },
      { type: 'http', url: `${web}/redirector/`, expectStatus: 301, expectHeader: { name: 'Location', pattern: '^https://kubernetes\\.io/' }, timeoutMs: 800 },
    ],
    'test-compute': [{ type: 'logging-freshness', project: 'k8s-infra-e2e-boskos-001', filter: 'resource.type="gce_instance"', maxAgeMinutes: 720 }],
  };
  for (const s of config.services) s.probes = (probes[s.id] ?? []).map((p) => probeSchema.parse(p));
  return config;
}

describe('status checks end to end (emulator, local fakes of every probed service)', () => {
  const clock = new ManualClock(START);
  const webState = { registryDown: false };
  let web: Server;
  let dns: FakeDnsServer;
  let google: FakeGoogleApi;
  let e2e: Harness;
  let store: Store;
  let auditLog: AuditLog;
  let gkeAnswer: 'ok' | 'forbidden' = 'ok';

  const checkRows = async () => Number((await store.db.withTables<StatusTables>().selectFrom('status_checks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const services = () => e2e.config.services.length;
  /** One scheduled round: move the clock a slot on, run due jobs, wait until the round is stored. */
  const round = async () => {
    const before = await checkRows();
    clock.advance(MINUTE);
    await e2e.bot.jobRunner.runDue();
    await eventually(checkRows, (n) => n >= before + services(), 'a stored round');
    await e2e.bot.jobRunner.runDue(); // deliver the outbox
  };
  const statusAlerts = () => e2e.slack.messages('k8s-infra-alerts').filter((m) => /^:[a-z_]+: (Problem|Recovered|Changed):/.test(m.text ?? ''));
  const ask = async (text: string) => {
    const before = e2e.slack.ephemerals(USER).length;
    const r = await e2e.slack.sendSlashCommand({ userId: USER, channelId: e2e.slack.channelByName('wg-k8s-infra')!.id, text });
    expect(r.ok).toBe(true);
    expect(r.ackMs).toBeLessThan(3000);
    const shown = await eventually(() => e2e.slack.ephemerals(USER), (m) => m.length > before, `an answer to ${text}`);
    return { r, answer: shown.at(-1)! };
  };

  beforeAll(async () => {
    web = startFakeWeb(webState);
    const webUrl = `http://127.0.0.1:${await listen(web)}`;
    dns = await startFakeDnsServer({ 'k8s.io': { A: ['34.107.204.206'] }, 'redirect.k8s.io': { A: ['34.107.204.206'] } });
    google = await startFakeGoogleApi();
    google.answer = (req) => {
      if (req.path.startsWith('/v1/projects/')) {
        if (gkeAnswer === 'forbidden') return googleError(403, 'PERMISSION_DENIED', 'Required "container.clusters.get" permission');
        const name = req.path.split('/').at(-1)!;
        return json(200, { name, status: 2, nodePools: [{ name: 'pool1', status: 2 }] });
      }
      if (req.path === '/v2/entries:list') {
        const { filter } = JSON.parse(req.body) as { filter: string };
        if (filter.includes('severity>=ERROR')) return json(200, { entries: [] });
        return json(200, { entries: [{ timestamp: new Date(clock.now().getTime() - 5 * MINUTE).toISOString(), severity: 'INFO', insertId: 'a' }] });
      }
      return googleError(404, 'NOT_FOUND', 'no route');
    };
    const config = e2eConfig(webUrl, dns.address);
    const status = statusModule({
      settings: {
        intervalMs: MINUTE,
        holdChecks: 2,
        probeTimeoutMs: 2000,
        gcp: { fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port: google.port, authClient: noCredentialsAuthClient(), requestTimeoutMs: 1500 },
      },
    });
    // Status pages through the paging engine, which asks the rota who is on call.
    const pagingAndRota = CAPABILITIES.filter((c) => c.name === 'rota' || c.name === 'paging');
    // Not migrated yet: the bot migrates what its capabilities declare (a store migrated for all of
    // them would hold migrations this bot does not know, and Kysely refuses that).
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    auditLog = new AuditLog(store.db);
    e2e = await startHarness({ clock, config, store, capabilities: [status, ...pagingAndRota] });
    // The first round runs by itself at start-up (its slot is due now).
    await eventually(checkRows, (n) => n >= services(), 'the start-up round', 15_000);
  }, 30_000);

  afterAll(async () => {
    await e2e?.stop();
    await close(web);
    await dns.close();
    await google.close();
  });

  it('/k8s-infra status: acked at once, then one line per service with state, how long, detail and SIGs', async () => {
    await round(); // second ok in a row: ok becomes official, without an alert
    const { answer } = await ask('status');
    const text = answer.text ?? '';
    for (const s of e2e.config.services) expect(text).toContain(s.name);
    expect(text).toContain(':large_green_circle: registry.k8s.io: ok for 1 min');
    expect(text).toContain('sig-k8s-infra, sig-release');
    expect(text).not.toContain('unknown');
    expect(statusAlerts()).toHaveLength(0);
  });

  it('/k8s-infra status <service> runs every probe of it live', async () => {
    const { answer } = await ask('status gke');
    const text = answer.text ?? '';
    expect(text).toContain('GKE clusters: ok');
    for (const c of ['aaa', 'prow-build', 'prow-build-trusted']) expect(text).toContain(c);
    expect(google.requests.filter((r) => r.path.endsWith('/clusters/aaa')).length).toBeGreaterThanOrEqual(3);
  });

  it('routes out-of-scope services to their SIG and suggests the closest name for a typo', async () => {
    expect((await ask('status prow.k8s.io')).answer.text).toContain('SIG Testing. Ask in #sig-testing');
    expect((await ask('status registy')).answer.text).toContain('Did you mean `registry`?');
  });

  it('posts a confirmed outage once, pages the on-call through the paging engine, and posts the recovery once', async () => {
    webState.registryDown = true;
    await round(); // first down: pending only
    expect(statusAlerts()).toHaveLength(0);
    await round(); // second down: official
    const problem = await eventually(statusAlerts, (a) => a.length === 1, 'the problem alert');
    expect(problem[0]!.text).toContain('Problem: registry.k8s.io is down (was ok)');
    const pages = await eventually(
      () => store.db.withTables<PagingTables>().selectFrom('pages').select(['subproject_id', 'severity', 'status']).execute(),
      (rows) => rows.length === 1,
      'a page',
    );
    expect(pages[0]).toMatchObject({ subproject_id: 'registry', severity: 'critical', status: 'triggered' });
    await round(); // still down: nothing new
    await round();
    expect(statusAlerts()).toHaveLength(1);
    expect(await store.db.withTables<PagingTables>().selectFrom('pages').select('id').execute()).toHaveLength(1);

    webState.registryDown = false;
    await round(); // first ok: pending
    expect(statusAlerts()).toHaveLength(1);
    await round();
    const both = await eventually(statusAlerts, (a) => a.length === 2, 'the recovery alert');
    expect(both[1]!.text).toContain('Recovered: registry.k8s.io is ok (was down)');
    // The probe that raised the page resolves it on recovery, and the audit log says why.
    const resolved = await eventually(
      () => store.db.withTables<PagingTables>().selectFrom('pages').select(['status']).execute(),
      (rows) => rows[0]?.status === 'resolved',
      'the page resolved',
    );
    expect(resolved).toHaveLength(1);
    const audit = await auditLog.list({ action: 'page.resolved' });
    expect(audit.at(-1)).toMatchObject({ actor: 'k8s-infra-bot', payload: { via: 'system', reason: expect.stringContaining('registry.k8s.io recovered') } });
    expect(e2e.slack.messages('k8s-infra-alerts').some((m) => m.text?.includes('The page it raised is still open'))).toBe(false);
    await round();
    expect(statusAlerts()).toHaveLength(2);
  }, 30_000);

  it('damps flapping: a state seen on one check only never posts', async () => {
    gkeAnswer = 'forbidden';
    await round();
    gkeAnswer = 'ok';
    await round();
    webState.registryDown = true;
    await round();
    webState.registryDown = false;
    await round();
    await round();
    expect(statusAlerts()).toHaveLength(2);
    const { answer } = await ask('status gke');
    expect(answer.text).toContain('GKE clusters: ok');
  }, 30_000);

  it('serves GET /status and /status.json with every service, its state, last check and uptime, and no people', async () => {
    const html = await (await fetch(`${e2e.bot.url}/status`)).text();
    const data = (await (await fetch(`${e2e.bot.url}/status.json`)).json()) as { services: { id: string; state: string; lastCheckedAt: string | null; uptime: { '24h': number | null; '7d': number | null } }[] };
    expect(data.services.map((s) => s.id)).toEqual(e2e.config.services.map((s) => s.id));
    const registry = data.services.find((s) => s.id === 'registry')!;
    expect(registry.state).toBe('ok');
    expect(registry.lastCheckedAt).toBe(clock.now().toISOString());
    // Down for 4 of the rounds so far, and again briefly while flapping.
    expect(registry.uptime['24h']).toBeGreaterThan(0.5);
    expect(registry.uptime['24h']).toBeLessThan(1);
    expect(registry.uptime['7d']).toBe(registry.uptime['24h']);
    for (const p of e2e.config.people) {
      for (const secret of [p.email, ...(p.phone ? [p.phone] : []), p.slack]) {
        if (secret) expect(html + JSON.stringify(data)).not.toContain(secret);
      }
    }
    expect(html).toContain('registry.k8s.io');
    const metrics = await (await fetch(`${e2e.bot.url}/metrics`)).text();
    expect(metrics).toContain('k8s_infra_bot_status_service_state{service="registry",state="ok"} 1');
    expect(metrics).toContain('k8s_infra_bot_status_transitions_total{service="registry",kind="problem"} 1');
  });
});
