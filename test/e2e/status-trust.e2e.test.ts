import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { CAPABILITIES } from '../../src/platform/capabilities.ts';
import { loadConfigOrThrow } from '../../src/platform/config/load-config.ts';
import { probeSchema } from '../../src/platform/config/sections/probes.ts';
import { openDatabase } from '../../src/platform/store/open-database.ts';
import { statusModule } from '../../src/status/capability.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { unescapedHostile } from '../helpers/hostile.ts';
import { close, listen } from '../status/helpers/listen.ts';

const USER = 'U0AMEUKAM';
const SCRIPT = '<script>alert(1)</script>';
/** The probe quotes at most 60 characters of a header it did not expect. */
const ANSWER = `${SCRIPT} <!channel> <!here> <!everyone>`;

/**
 * A probed server is third-party: what it answers (here a header value full of Slack markup and
 * HTML) reaches the alert, `/k8s-infra status` and the public page only escaped.
 */
describe('status: third-party text from probes is escaped everywhere it is shown', () => {
  const clock = new ManualClock('2026-11-24T03:12:00Z');
  let server: Server;
  let e2e: Harness;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/v2/') return void res.writeHead(200, { 'X-Registry': ANSWER }).end('{}');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Kubernetes</title>');
    });
    const web = `http://127.0.0.1:${await listen(server)}`;
    const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
    for (const s of config.services) {
      s.pageOnDown = false;
      s.probes = [probeSchema.parse(s.id === 'registry' ? { type: 'http', url: `${web}/v2/`, expectHeader: { name: 'X-Registry', value: 'ok' }, timeoutMs: 800 } : { type: 'http', url: `${web}/`, timeoutMs: 800 })];
    }
    const status = statusModule({ settings: { intervalMs: 60_000, holdChecks: 1, probeTimeoutMs: 2000 } });
    e2e = await startHarness({ clock, config, store: await openDatabase({ kind: 'sqlite', path: ':memory:' }), capabilities: [status, ...CAPABILITIES.filter((c) => c.name === 'rota' || c.name === 'paging')], manualJobs: true });
    await e2e.bot.jobRunner.runDue();
    await e2e.bot.jobRunner.runDue();
  }, 30_000);
  afterAll(async () => {
    await e2e?.stop();
    await close(server);
  });

  it('in the alert', () => {
    const alert = e2e.slack.messages('k8s-infra-alerts').find((m) => m.text.includes('registry.k8s.io is down'));
    expect(alert?.text).toContain('header X-Registry is');
    expect(alert?.text).toContain('&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt;');
    expect(unescapedHostile(alert)).toEqual([]);
  });

  it('in /k8s-infra status and /k8s-infra status registry', async () => {
    for (const text of ['status', 'status registry']) {
      const before = e2e.slack.ephemerals(USER).length;
      const r = await e2e.slack.sendSlashCommand({ userId: USER, channelId: e2e.slack.channelByName('wg-k8s-infra')!.id, text });
      expect(r.ok).toBe(true);
      const answer = await e2e.slack.waitFor(() => e2e.slack.ephemerals(USER).length > before && e2e.slack.ephemerals(USER).at(-1));
      expect(JSON.stringify(answer)).toContain('&lt;!channel&gt;');
      expect(unescapedHostile(answer)).toEqual([]);
    }
  });

  it('on the public /status page and in /status.json', async () => {
    const html = await (await fetch(`${e2e.bot.url}/status`)).text();
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(?!\/?(html|head|meta|title|style|body|main|h1|div|ul|li|span|p|dl|dt|dd|time|footer|a)\b|!doctype)/i);
    const json = (await (await fetch(`${e2e.bot.url}/status.json`)).json()) as { services: { id: string; detail: string }[] };
    // JSON carries the text as it is (its readers escape it for where they show it).
    expect(json.services.find((s) => s.id === 'registry')?.detail).toContain(SCRIPT);
  });
});
