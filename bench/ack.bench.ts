/**
 * Ack benchmark: signed `/k8s-infra help` over loopback to the real HTTP endpoint at concurrency
 * 50, against a bare Bolt app that only acks, in the same run. (Start-up, RSS and the first ack of
 * the compiled bot: bench/runtime.bench.ts.)
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { signSlackRequest } from '../src/sandbox/slack-signature.ts';
import { TEST_SIGNING_SECRET } from '../test/helpers/start-test-bot.ts';
import { testConfig } from '../test/helpers/test-config.ts';
import { fmt, runLoad } from './load.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONCURRENCY = 50;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

// The workspace the config names: a request from any other is refused (and audited), which is
// not the path being measured.
const TEAM_ID = testConfig().slack.teamId;

function body(i: number): string {
  return new URLSearchParams({ team_id: TEAM_ID, channel_id: 'C1', user_id: 'U0AMEUKAM', command: '/k8s-infra', text: 'help', response_url: 'http://127.0.0.1:9/r', trigger_id: `t${i}`, api_app_id: 'A1' }).toString();
}

function sender(url: string) {
  return (i: number) =>
    new Promise<boolean>((resolve) => {
      const b = body(i);
      const ts = Math.floor(Date.now() / 1000);
      const req = request(url, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(b), 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signSlackRequest(TEST_SIGNING_SECRET, b, ts) },
      }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', () => resolve(false));
      req.end(b);
    });
}

/** Each server under load runs in its own process, so the load generator does not share its event loop. */
async function serve(kind: 'ours' | 'bare'): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ack-server.ts', kind], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /URL (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGKILL') };
}

const ours = await serve('ours');
const bare = await serve('bare');
await runLoad(1000, CONCURRENCY, sender(ours.url));
await runLoad(1000, CONCURRENCY, sender(bare.url));
const a = await runLoad(TOTAL, CONCURRENCY, sender(ours.url));
const b = await runLoad(TOTAL, CONCURRENCY, sender(bare.url));
console.log(`ack: k8s-infra-bot  ${fmt(a)}`);
console.log(`ack: bare Bolt      ${fmt(b)}`);
console.log(`ack: throughput ratio ours/bare = ${(a.rps / b.rps).toFixed(2)} (goal >= 0.8); our p99 ${a.p99.toFixed(1)} ms (goal < 50 ms)`);
ours.stop();
bare.stop();
process.exit(0);
