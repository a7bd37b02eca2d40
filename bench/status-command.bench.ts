/**
 * `/k8s-infra status <service>` through the Slack emulator and the real bot, for a service with
 * 50 http probes of which 5 never answer: time from sending the command to the answer arriving
 * via response_url, against the goal probe timeout + 200 ms.
 */
import { createServer } from 'node:http';
import { loadConfigOrThrow } from '../src/platform/config/load-config.ts';
import { probeSchema } from '../src/platform/config/sections/probes.ts';
import { openDatabase } from '../src/platform/store/open-database.ts';
import { statusModule } from '../src/status/capability.ts';
import { startHarness } from '../test/helpers/harness.ts';

const TIMEOUT_MS = Number(process.env.BENCH_PROBE_TIMEOUT_MS ?? 1000);
const server = createServer((req, res) => {
  if (req.url === '/hang') return;
  res.writeHead(200, { 'Docker-Distribution-Api-Version': 'registry/2.0' }).end('{}');
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;

const config = structuredClone(loadConfigOrThrow('config/infra.yaml'));
for (const s of config.services) s.probes = [];
config.services[0]!.probes = Array.from({ length: 50 }, (_, i) =>
  probeSchema.parse({ type: 'http', id: `p${i}`, url: `http://127.0.0.1:${port}/${i % 10 === 0 ? 'hang' : 'v2/'}`, timeoutMs: 60_000 }),
);
// Only status, on a store it migrates itself.
const e2e = await startHarness({
  config,
  env: { LOG_LEVEL: 'warn' },
  store: await openDatabase({ kind: 'sqlite', path: ':memory:' }),
  capabilities: [statusModule({ settings: { scheduled: false, probeTimeoutMs: TIMEOUT_MS } })],
});
const user = 'U0AMEUKAM';
const channelId = e2e.slack.channelByName('wg-k8s-infra')!.id;
const service = config.services[0]!.id;

const times: number[] = [];
let acks = 0;
for (let run = 0; run < 5; run++) {
  const before = e2e.slack.ephemerals(user).length;
  const t0 = performance.now();
  const r = await e2e.slack.sendSlashCommand({ userId: user, channelId, text: `status ${service}` });
  acks = Math.max(acks, r.ackMs);
  while (e2e.slack.ephemerals(user).length === before) await new Promise((res) => setTimeout(res, 2));
  times.push(performance.now() - t0);
  const text = e2e.slack.ephemerals(user).at(-1)!.text ?? '';
  if (!text.includes('runner timeout') && !text.includes('unknown')) console.log(`unexpected answer: ${text.slice(0, 200)}`);
}
const worst = Math.max(...times);
console.log(
  `status command: 50 probes (5 hang), probe timeout ${TIMEOUT_MS} ms: answer after ${times.map((t) => t.toFixed(0)).join('/')} ms ` +
    `(worst ${worst.toFixed(0)} ms = timeout + ${(worst - TIMEOUT_MS).toFixed(0)} ms; goal <= timeout + 200 ms: ${worst <= TIMEOUT_MS + 200 ? 'met' : 'MISSED'}); ack max ${acks} ms`,
);
await e2e.stop();
server.closeAllConnections();
server.close();
