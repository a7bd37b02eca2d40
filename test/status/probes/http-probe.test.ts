import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../../src/core/clock.ts';
import { createHttpProbe } from '../../../src/status/probes/http-probe.ts';
import { close, listen } from '../helpers/listen.ts';
import { generateTestCertificates, hasOpenssl, type KeyPair, type TestCertificates } from '../helpers/test-certificates.ts';

/** Routes shaped like registry.k8s.io and a few broken variants. */
function handler(req: IncomingMessage, res: ServerResponse): void {
  switch (req.url) {
    case '/v2/':
      res.writeHead(200, { 'Docker-Distribution-Api-Version': 'registry/2.0', 'content-type': 'application/json' });
      res.end('{}');
      return;
    case '/v2-wrong-header/':
      res.writeHead(200, { 'Docker-Distribution-Api-Version': 'registry/1.0' });
      res.end('{}');
      return;
    case '/no-header/':
      res.writeHead(200);
      res.end('{}');
      return;
    case '/unavailable':
      res.writeHead(503);
      res.end('upstream connect error');
      return;
    case '/health':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('status: healthy\n');
      return;
    case '/hang':
      return; // never answers
    default:
      res.writeHead(404);
      res.end();
  }
}

const signal = () => new AbortController().signal;
const registry = {
  expectStatus: 200,
  expectHeader: { name: 'Docker-Distribution-Api-Version', value: 'registry/2.0' },
};

describe.skipIf(!hasOpenssl())('http probe over TLS (certificates generated with openssl)', () => {
  let certs: TestCertificates;
  const servers: HttpsServer[] = [];
  const ports: Record<string, number> = {};
  const start = async (name: string, pair: KeyPair) => {
    const server = createHttpsServer({ key: pair.key, cert: pair.cert }, handler);
    servers.push(server);
    ports[name] = await listen(server);
  };

  beforeAll(async () => {
    certs = generateTestCertificates();
    await start('valid', certs.valid);
    await start('soon', certs.expiringSoon);
    await start('expired', certs.expired);
    await start('wrong', certs.wrongHost);
    await start('self', certs.selfSigned);
  });
  afterAll(async () => {
    await Promise.all(servers.map(close));
  });
  const url = (name: string, path: string) => `https://localhost:${ports[name]}${path}`;

  it('answers ok for a registry-shaped /v2/ with the right header and a valid certificate', async () => {
    const probe = createHttpProbe({ url: url('valid', '/v2/'), ...registry, ca: certs.ca, clock: systemClock });
    expect(probe.id).toBe(`http:localhost:${ports['valid']}/v2/`);
    const v = await probe.run(signal());
    expect(v.state).toBe('ok');
    expect(v.detail).toMatch(/^HTTP 200, certificate valid (89|90) more days$/);
  });

  it('is down when the header is missing or has another value', async () => {
    const missing = await createHttpProbe({ url: url('valid', '/no-header/'), ...registry, ca: certs.ca, clock: systemClock }).run(signal());
    expect(missing).toEqual({ state: 'down', detail: 'HTTP 200 without header Docker-Distribution-Api-Version' });
    const wrong = await createHttpProbe({ url: url('valid', '/v2-wrong-header/'), ...registry, ca: certs.ca, clock: systemClock }).run(signal());
    expect(wrong).toEqual({ state: 'down', detail: 'header Docker-Distribution-Api-Version is "registry/1.0" (expected "registry/2.0")' });
  });

  it('matches headers by pattern and bodies by substring or pattern', async () => {
    const byPattern = createHttpProbe({
      url: url('valid', '/v2/'),
      expectHeader: { name: 'docker-distribution-api-version', pattern: '^registry/2\\.' },
      ca: certs.ca,
      clock: systemClock,
    });
    expect((await byPattern.run(signal())).state).toBe('ok');
    const body = (expectBody: { contains: string } | { pattern: string }) =>
      createHttpProbe({ url: url('valid', '/health'), expectBody, ca: certs.ca, clock: systemClock }).run(signal());
    expect((await body({ contains: 'healthy' })).state).toBe('ok');
    expect((await body({ pattern: '^status: (healthy|ok)$' })).state).toBe('ok');
    expect(await body({ contains: 'all good' })).toEqual({ state: 'down', detail: 'body does not match "all good"' });
  });

  it('is down on an unexpected status', async () => {
    const v = await createHttpProbe({ url: url('valid', '/unavailable'), ca: certs.ca, clock: systemClock }).run(signal());
    expect(v).toEqual({ state: 'down', detail: 'HTTP 503 (expected 200)' });
  });

  it('is degraded when the certificate expires within 15 days', async () => {
    const v = await createHttpProbe({ url: url('soon', '/v2/'), ...registry, ca: certs.ca, clock: systemClock }).run(signal());
    expect(v.state).toBe('degraded');
    expect(v.detail).toMatch(/^HTTP 200, but TLS certificate expires in [45] days \(\d{4}-\d\d-\d\d\)$/);
  });

  it('uses the injected clock for the expiry warning', async () => {
    const later = new ManualClock(systemClock.now().getTime() + 80 * 24 * 3600_000);
    const v = await createHttpProbe({ url: url('valid', '/v2/'), ca: certs.ca, clock: later }).run(signal());
    expect(v.state).toBe('degraded');
    const past = new ManualClock(systemClock.now().getTime() + 91 * 24 * 3600_000);
    expect((await createHttpProbe({ url: url('valid', '/v2/'), ca: certs.ca, clock: past }).run(signal())).detail).toMatch(/^TLS certificate expired on /);
  });

  it('is down when the certificate has expired', async () => {
    const v = await createHttpProbe({ url: url('expired', '/v2/'), ca: certs.ca, clock: systemClock }).run(signal());
    expect(v).toEqual({ state: 'down', detail: 'TLS certificate has expired' });
  });

  it('is down when the certificate is for another host', async () => {
    const v = await createHttpProbe({ url: url('wrong', '/v2/'), ca: certs.ca, clock: systemClock }).run(signal());
    expect(v).toEqual({ state: 'down', detail: 'TLS certificate is not valid for localhost' });
  });

  it('is down when the certificate is not from a trusted CA', async () => {
    const self = await createHttpProbe({ url: url('self', '/v2/'), ca: certs.ca, clock: systemClock }).run(signal());
    expect(self).toEqual({ state: 'down', detail: 'TLS certificate not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)' });
    // Without the custom CA even the good server is untrusted: the CA option really is used.
    const noCa = await createHttpProbe({ url: url('valid', '/v2/'), clock: systemClock }).run(signal());
    expect(noCa.state).toBe('down');
    expect(noCa.detail).toMatch(/^TLS certificate not trusted \(/);
  });

  it('is down when the server does not answer within its timeout', async () => {
    const v = await createHttpProbe({ url: url('valid', '/hang'), ca: certs.ca, timeoutMs: 200, clock: systemClock }).run(signal());
    expect(v).toEqual({ state: 'down', detail: 'no answer within 200 ms' });
  });

  it('rejects promptly when the runner aborts it', async () => {
    const controller = new AbortController();
    const running = createHttpProbe({ url: url('valid', '/hang'), ca: certs.ca, timeoutMs: 10_000, clock: systemClock }).run(controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toThrow();
  });
});

describe('http probe over plain HTTP', () => {
  it('checks status without any certificate and reports a refused connection as down', async () => {
    const server = createHttpServer(handler);
    const port = await listen(server);
    try {
      const ok = await createHttpProbe({ url: `http://127.0.0.1:${port}/v2/`, ...registry, clock: systemClock }).run(signal());
      expect(ok).toEqual({ state: 'ok', detail: 'HTTP 200' });
      const head = await createHttpProbe({ url: `http://127.0.0.1:${port}/v2/`, method: 'HEAD', ...registry, clock: systemClock }).run(signal());
      expect(head.state).toBe('ok');
    } finally {
      await close(server);
    }
    const refused = await createHttpProbe({ url: `http://127.0.0.1:${port}/v2/`, clock: systemClock }).run(signal());
    expect(refused).toEqual({ state: 'down', detail: 'connection refused' });
  });

  it('refuses a non-http URL at construction', () => {
    expect(() => createHttpProbe({ url: 'ftp://example.com/', clock: systemClock })).toThrow(/not an http/);
  });
});
