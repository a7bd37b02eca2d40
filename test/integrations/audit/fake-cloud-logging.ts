import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a WriteLogEntries request carried (REST/JSON, as google-gax's fallback sends it). */
export interface WriteRequest {
  logName: string;
  resource?: { type: string; labels?: Record<string, string> };
  entries: {
    logName?: string;
    jsonPayload?: Record<string, unknown>;
    labels?: Record<string, string>;
    severity?: number | string;
    timestamp?: string;
    insertId?: string;
  }[];
}

/**
 * Cloud Logging's REST surface for `entries.write` on a local port. Point the real client at it
 * with `fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port` and `fakeAuthClient`.
 */
export class FakeCloudLogging {
  readonly writes: WriteRequest[] = [];
  private failures: { status: number; code: number; grpcStatus: string }[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeCloudLogging> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeCloudLogging(server, (server.address() as AddressInfo).port);
    server.on('request', (req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'POST' || !req.url?.startsWith('/v2/entries:write')) return send(404, { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } });
        const failure = fake.failures.shift();
        if (failure) return send(failure.status, { error: { code: failure.status, message: 'injected failure', status: failure.grpcStatus } });
        fake.writes.push(JSON.parse(raw) as WriteRequest);
        send(200, {});
      });
    });
    return fake;
  }

  failNext(status = 400, grpcStatus = 'INVALID_ARGUMENT'): void {
    this.failures.push({ status, code: status, grpcStatus });
  }

  /** Entries written to `logName`, leaving out the client library's own diagnostic entry. */
  entries(): WriteRequest['entries'] {
    return this.writes.flatMap((w) => w.entries).filter((e) => !e.jsonPayload || !('logging.googleapis.com/diagnostic' in e.jsonPayload));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An auth client that adds no credentials: plain fetch, as google-gax's REST fallback calls it. */
export const fakeAuthClient = {
  universeDomain: 'googleapis.com',
  fetch: (url: string | URL, init?: RequestInit) => fetch(url, init),
  getRequestHeaders: async () => new Headers(),
};
