import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePagerDutyWebhook } from '../../../src/integrations/pagerduty/parse-webhook.ts';
import { signPagerDutyWebhook, verifyPagerDutySignature } from '../../../src/integrations/pagerduty/verify-webhook.ts';
import { incidentWebhookBody, sendSignedWebhook } from './webhook-client.ts';

const OLD = 'whsec-old-2f1d6c0e9a';
const NEW = 'whsec-new-8b3e47f2c1';
const body = incidentWebhookBody({ eventType: 'incident.acknowledged', incidentKey: 'page-registry-0001' });

describe('verifyPagerDutySignature', () => {
  it('accepts a correct v1 signature', () => {
    expect(verifyPagerDutySignature(body, signPagerDutyWebhook(body, [NEW]), [NEW])).toEqual({ ok: true });
  });

  it('accepts the documented HMAC: hex SHA-256 of the raw body keyed with the secret', () => {
    // Computed independently: printf '%s' 'hello' | openssl dgst -sha256 -hmac 'secret'
    const header = 'v1=88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b';
    expect(verifyPagerDutySignature('hello', header, ['secret'])).toEqual({ ok: true });
  });

  it('rejects a signature made with another secret, or over another body', () => {
    expect(verifyPagerDutySignature(body, signPagerDutyWebhook(body, ['someone-else']), [NEW])).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyPagerDutySignature(`${body} `, signPagerDutyWebhook(body, [NEW]), [NEW])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts any of several comma-separated signatures during PagerDuty-side rotation', () => {
    const header = signPagerDutyWebhook(body, [OLD, NEW]);
    expect(header.split(',')).toHaveLength(2);
    expect(verifyPagerDutySignature(body, header, [NEW])).toEqual({ ok: true });
    expect(verifyPagerDutySignature(body, header, [OLD])).toEqual({ ok: true });
    // PagerDuty may put whitespace or a newline after the comma.
    expect(verifyPagerDutySignature(body, header.replace(',', ',\n '), [NEW])).toEqual({ ok: true });
  });

  it('accepts a signature made with any configured secret during our own rotation', () => {
    expect(verifyPagerDutySignature(body, signPagerDutyWebhook(body, [OLD]), [NEW, OLD])).toEqual({ ok: true });
    expect(verifyPagerDutySignature(body, signPagerDutyWebhook(body, [OLD]), [NEW])).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('reports missing, malformed and unconfigured cases distinctly', () => {
    expect(verifyPagerDutySignature(body, undefined, [NEW])).toEqual({ ok: false, reason: 'missing-signature' });
    expect(verifyPagerDutySignature(body, '  ', [NEW])).toEqual({ ok: false, reason: 'missing-signature' });
    expect(verifyPagerDutySignature(body, 'sha256=abc', [NEW])).toEqual({ ok: false, reason: 'malformed-signature' });
    expect(verifyPagerDutySignature(body, 'v1=abcd', [NEW])).toEqual({ ok: false, reason: 'malformed-signature' });
    expect(verifyPagerDutySignature(body, `v1=${'zz'.repeat(32)}`, [NEW])).toEqual({ ok: false, reason: 'malformed-signature' });
    expect(verifyPagerDutySignature(body, signPagerDutyWebhook(body, [NEW]), [])).toEqual({ ok: false, reason: 'no-secret-configured' });
    expect(verifyPagerDutySignature(body, signPagerDutyWebhook(body, [NEW]), [''])).toEqual({ ok: false, reason: 'no-secret-configured' });
  });

  it('ignores unknown signature versions next to a good v1', () => {
    const header = `v2=${'ab'.repeat(32)},${signPagerDutyWebhook(body, [NEW])}`;
    expect(verifyPagerDutySignature(body, header, [NEW])).toEqual({ ok: true });
  });

  it('takes repeated headers as node gives them (string[]) and Buffers', () => {
    const parts = signPagerDutyWebhook(body, [OLD, NEW]).split(',');
    expect(verifyPagerDutySignature(Buffer.from(body, 'utf8'), parts, [NEW])).toEqual({ ok: true });
  });
});

describe('signed webhooks over HTTP', () => {
  // A stand-in for POST /webhooks/pagerduty: raw body, verify, parse, answer 2xx quickly.
  const received: { status: number; result: unknown }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const verdict = verifyPagerDutySignature(raw, req.headers['x-pagerduty-signature'], [NEW, OLD]);
      if (!verdict.ok) {
        received.push({ status: 401, result: verdict.reason });
        res.writeHead(401).end(verdict.reason);
        return;
      }
      const parsed = parsePagerDutyWebhook(raw.toString('utf8'), new Date('2026-11-24T03:21:00Z'));
      const status = parsed.kind === 'invalid' ? 400 : 200;
      received.push({ status, result: parsed });
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ result: parsed.kind }));
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/pagerduty`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('verifies a rotated multi-value signature over non-ASCII bytes and parses the event', async () => {
    const answer = await sendSignedWebhook(url, body, { secrets: [OLD, NEW] });
    expect(answer).toEqual({ status: 200, body: '{"result":"event"}' });
    expect(received.at(-1)!.result).toMatchObject({ kind: 'event', event: { action: 'acknowledge', pageId: 'page-registry-0001', by: 'Jane Doe' } });
  });

  it('rejects a bad signature and a missing one', async () => {
    expect((await sendSignedWebhook(url, body, { secrets: ['wrong'] })).status).toBe(401);
    expect((await sendSignedWebhook(url, body, { unsigned: true })).body).toBe('missing-signature');
    expect((await sendSignedWebhook(url, body, { signatureHeader: 'v1=nothex' })).body).toBe('malformed-signature');
  });
});
