import { createServer, type IncomingMessage } from 'node:http';
import { close, listen } from '../../../status/helpers/listen.ts';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeAnswer {
  status: number;
  /** Sent as is: JSON text, or garbage on purpose. */
  body: string;
  /** Milliseconds before answering (a slow API). */
  delayMs?: number;
}

export interface FakeGoogleApi {
  port: number;
  requests: SeenRequest[];
  /** Chooses the answer for each request; swap it per test. */
  answer: (req: SeenRequest) => FakeAnswer;
  close(): Promise<void>;
}

/** A local HTTP server speaking the Google REST (gRPC fallback) dialect: JSON bodies, `{error: {code, message, status}}` on failure. */
export async function startFakeGoogleApi(): Promise<FakeGoogleApi> {
  const api: FakeGoogleApi = {
    port: 0,
    requests: [],
    answer: () => googleError(404, 'NOT_FOUND', 'no route'),
    close: () => close(server),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      api.requests.push(seen);
      const a = api.answer(seen);
      const send = () => {
        res.writeHead(a.status, { 'content-type': 'application/json; charset=UTF-8' });
        res.end(a.body);
      };
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  api.port = await listen(server);
  return api;
}

export function json(status: number, body: unknown): FakeAnswer {
  return { status, body: JSON.stringify(body) };
}

export function googleError(code: number, status: string, message: string): FakeAnswer {
  return json(code, { error: { code, message, status } });
}
