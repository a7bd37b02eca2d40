/**
 * Status benchmark. (1) 50 real http probes against a loopback server where 5 never answer:
 * time until runProbes answers, against the goal timeout + 200 ms, with a 1 s timeout and with
 * the default 5 s. (2) renderStatusPage and statusSummaryBlocks throughput for 50 services.
 */
import { createServer } from 'node:http';
import { systemClock } from '../src/core/clock.ts';
import type { ProbeState, ProbeResult } from '../src/status/domain/probe.ts';
import { createHttpProbe } from '../src/status/probes/http-probe.ts';
import { DEFAULT_PROBE_TIMEOUT_MS, runProbes } from '../src/status/domain/run-probes.ts';
import type { ServiceStatus } from '../src/status/domain/service-status.ts';
import { statusSummaryBlocks } from '../src/status/views/status-blocks.ts';
import { buildStatusPageModel, renderStatusPage } from '../src/status/views/status-page.ts';

const PROBES = 50;
const HANGING = 5;

const server = createServer((req, res) => {
  if (req.url === '/hang') return; // never answers
  res.writeHead(200, { 'Docker-Distribution-Api-Version': 'registry/2.0' });
  res.end('{}');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;

const probes = Array.from({ length: PROBES }, (_, i) =>
  createHttpProbe({
    id: `bench-${i}`,
    url: `http://127.0.0.1:${port}/${i % (PROBES / HANGING) === 0 ? 'hang' : 'v2/'}`,
    expectHeader: { name: 'Docker-Distribution-Api-Version', value: 'registry/2.0' },
    // Longer than the runner's deadline, so the hanging ones are cut off by the runner itself.
    timeoutMs: 60_000,
    clock: systemClock,
  }),
);

async function timeRound(timeoutMs: number): Promise<{ ms: number; results: ProbeResult[] }> {
  const started = performance.now();
  const results = await runProbes(probes, { clock: systemClock, timeoutMs });
  return { ms: performance.now() - started, results };
}

const summarize = (results: ProbeResult[]) => {
  const count = (s: ProbeState) => results.filter((r) => r.state === s).length;
  return `ok=${count('ok')} unknown=${count('unknown')} down=${count('down')}`;
};

for (const timeoutMs of [1000, DEFAULT_PROBE_TIMEOUT_MS]) {
  const rounds = timeoutMs === 1000 ? 5 : 1;
  const times: number[] = [];
  let last: ProbeResult[] = [];
  for (let i = 0; i < rounds; i++) {
    const r = await timeRound(timeoutMs);
    times.push(r.ms);
    last = r.results;
  }
  const worst = Math.max(...times);
  const answering = last.filter((r) => r.state === 'ok').map((r) => r.durationMs);
  console.log(
    `status: ${PROBES} http probes, ${HANGING} hanging, timeout ${timeoutMs} ms: answer in ${times.map((t) => t.toFixed(0)).join('/')} ms ` +
      `(worst ${worst.toFixed(0)} ms = timeout + ${(worst - timeoutMs).toFixed(0)} ms; goal <= timeout + 200 ms: ${worst <= timeoutMs + 200 ? 'met' : 'MISSED'}); ` +
      `${summarize(last)}; answering probes took max ${Math.max(...answering)} ms`,
  );
}
server.closeAllConnections();
server.close();

const now = new Date('2026-03-01T12:00:00Z');
const states: ProbeState[] = ['ok', 'ok', 'ok', 'degraded', 'down', 'unknown'];
const services: ServiceStatus[] = Array.from({ length: 50 }, (_, i) => ({
  id: `service-${i}`,
  name: `service-${i}.k8s.io`,
  sigs: ['sig-k8s-infra', 'sig-release'],
  state: states[i % states.length]!,
  confirmed: true,
  since: new Date(now.getTime() - i * 3_600_000),
  detail: `HTTP 200, certificate valid ${60 - i} more days <&>`,
  lastCheckedAt: new Date(now.getTime() - 60_000),
  pending: null,
  probes: [],
  uptime: { day: 0.999, week: 0.9971 },
}));

function opsPerSecond(fn: () => unknown, ms = 1000): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn();
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

const pageBytes = renderStatusPage(buildStatusPageModel(services, now)).length;
const pageOps = opsPerSecond(() => renderStatusPage(buildStatusPageModel(services, now)));
console.log(`status: renderStatusPage, 50 services (${(pageBytes / 1024).toFixed(1)} KiB): ${pageOps.toFixed(0)} ops/s (${(1000 / pageOps).toFixed(3)} ms each)`);
const blocksOps = opsPerSecond(() => statusSummaryBlocks(services, now));
console.log(`status: statusSummaryBlocks, 50 services: ${blocksOps.toFixed(0)} ops/s`);
