/**
 * A minimal Slack Web API on loopback for tests that run the bot as a separate process: every
 * `POST /api/<method>` is recorded, and answered normally, with HTTP 429 and a Retry-After, or
 * never (a Slack that hangs). `response_url` posts (`/response/...`) are recorded the same way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeSlackMode = 'ok' | 'hang' | 'rate-limited';

export interface FakeSlackCall {
  method: string;
  body: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL. */
  apiUrl: string;
  /** A response_url that this server records. */
  responseUrl: string;
  calls: FakeSlackCall[];
  mode: FakeSlackMode;
  retryAfterSeconds: number;
  waitFor(predicate: (calls: FakeSlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (type?.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

let nextTs = 1_700_000_000;

/** The example config's channels that it names without an id. */
const FAKE_CHANNELS = [
  { id: 'C0ALERTS01', name: 'k8s-infra-alerts' },
  { id: 'CCK68P2Q2', name: 'wg-k8s-infra' },
];

function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
  switch (method) {
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts: `${nextTs++}.000100`, message: { text: body.text } };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(body.users ?? 'X').replace(/\W/g, '')}` } };
    case 'conversations.list':
      return { ok: true, channels: FAKE_CHANNELS, response_metadata: { next_cursor: '' } };
    case 'conversations.history':
    case 'conversations.replies':
      return { ok: true, messages: [], has_more: false, response_metadata: { next_cursor: '' } };
    case 'auth.test':
      return { ok: true, user_id: 'UBOT', team_id: 'T09NY5SBT', bot_id: 'BBOT' };
    default:
      return { ok: true, ts: `${nextTs++}.000100` };
  }
}

export async function startFakeSlackApi(mode: FakeSlackMode = 'ok'): Promise<FakeSlackApi> {
  const hung = new Set<ServerResponse>();
  const fake: Omit<FakeSlackApi, 'apiUrl' | 'responseUrl' | 'close'> = {
    calls: [],
    mode,
    retryAfterSeconds: 60,
    async waitFor(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(fake.calls)) {
        if (Date.now() > deadline) throw new Error(`fake Slack: not seen within ${timeoutMs} ms; calls: ${fake.calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      const path = req.url ?? '/';
      const method = path.startsWith('/api/') ? path.slice('/api/'.length).split('?')[0]! : `response_url${path.slice('/response'.length)}`;
      let body: Record<string, unknown> = {};
      try {
        body = parseBody(raw, req.headers['content-type']);
      } catch {
        body = { raw };
      }
      fake.calls.push({ method, body });
      if (fake.mode === 'hang') {
        hung.add(res);
        return;
      }
      if (fake.mode === 'rate-limited') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fake.retryAfterSeconds) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(method.startsWith('response_url') ? { ok: true } : answer(method, body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/response/1`,
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
