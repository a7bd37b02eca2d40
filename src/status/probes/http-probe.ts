import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates, type TLSSocket } from 'node:tls';
import type { Clock } from '../../core/clock.ts';
import { describeError, verdict, type Probe, type ProbeVerdict } from '../domain/probe.ts';

export interface HttpProbeOptions {
  id?: string;
  name?: string;
  url: string;
  method?: 'GET' | 'HEAD';
  expectStatus?: number;
  expectHeader?: { name: string; value: string } | { name: string; pattern: string };
  expectBody?: { contains: string } | { pattern: string };
  certWarningDays?: number;
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM), on top of the system roots. */
  ca?: string | Buffer;
  clock: Clock;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Certificate verification failures that mean "do not trust this endpoint". */
const UNTRUSTED_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
]);

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string | undefined;
  certValidTo: Date | undefined;
}

class ProbeTimeout extends Error {}

/**
 * One HTTP(S) request, checked against expectations. Uses node:https directly so the peer
 * certificate can be read: verification stays on (expired, untrusted or wrong-host
 * certificates fail the handshake and report down), and an expiry inside
 * `certWarningDays` reports degraded.
 */
export function createHttpProbe(options: HttpProbeOptions): Probe {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${options.url}`);
  const method = options.method ?? 'GET';
  const expectStatus = options.expectStatus ?? 200;
  const certWarningDays = options.certWarningDays ?? 15;
  const timeoutMs = options.timeoutMs ?? 4000;
  const ca = options.ca === undefined ? undefined : [...rootCertificates, options.ca.toString()];
  const shown = `${url.host}${url.pathname}${url.search}`;

  return {
    id: options.id ?? `http:${shown}`,
    type: 'http',
    label: options.name ?? `${method} ${url.href}`,
    async run(signal) {
      let answer: Answer;
      try {
        answer = await fetchOnce(url, method, timeoutMs, ca, Boolean(options.expectBody), signal);
      } catch (error) {
        if (signal.aborted) throw error;
        return classifyFailure(error, url, timeoutMs);
      }
      return judge(answer);
    },
  };

  function judge(answer: Answer): ProbeVerdict {
    if (answer.status !== expectStatus) return verdict('down', `HTTP ${answer.status} (expected ${expectStatus})`);
    const h = options.expectHeader;
    if (h) {
      const raw = answer.headers[h.name.toLowerCase()];
      const got = Array.isArray(raw) ? raw.join(', ') : raw;
      if (got === undefined) return verdict('down', `HTTP ${answer.status} without header ${h.name}`);
      const matches = 'value' in h ? got.trim() === h.value : new RegExp(h.pattern).test(got);
      if (!matches) {
        const wanted = 'value' in h ? JSON.stringify(h.value) : `/${h.pattern}/`;
        return verdict('down', `header ${h.name} is ${JSON.stringify(clip(got, 60))} (expected ${wanted})`);
      }
    }
    const b = options.expectBody;
    if (b) {
      const body = answer.body ?? '';
      const matches = 'contains' in b ? body.includes(b.contains) : new RegExp(b.pattern, 'm').test(body);
      if (!matches) return verdict('down', `body does not match ${'contains' in b ? JSON.stringify(b.contains) : `/${b.pattern}/`}`);
    }
    const ok = `HTTP ${answer.status}`;
    if (answer.certValidTo === undefined) return verdict('ok', ok);
    const now = options.clock.now();
    const msLeft = answer.certValidTo.getTime() - now.getTime();
    const day = answer.certValidTo.toISOString().slice(0, 10);
    if (msLeft <= 0) return verdict('down', `TLS certificate expired on ${day}`);
    const daysLeft = Math.floor(msLeft / DAY_MS);
    if (msLeft < certWarningDays * DAY_MS) {
      return verdict('degraded', `${ok}, but TLS certificate expires in ${plural(daysLeft, 'day')} (${day})`);
    }
    return verdict('ok', `${ok}, certificate valid ${plural(daysLeft, 'more day')}`);
  }
}

function fetchOnce(
  url: URL,
  method: string,
  timeoutMs: number,
  ca: string[] | undefined,
  wantBody: boolean,
  signal: AbortSignal,
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const https = url.protocol === 'https:';
    const options: RequestOptions & { servername?: string; ca?: string[] } = {
      method,
      headers: { 'user-agent': 'k8s-infra-bot status probe', accept: '*/*' },
      // A fresh connection every time, so the certificate is always seen and checked.
      agent: false,
      signal,
    };
    if (ca) options.ca = ca;
    const req = (https ? httpsRequest : httpRequest)(url, options, (res) => {
      const certValidTo = https ? peerCertificateExpiry(res.socket as TLSSocket) : undefined;
      const base = { status: res.statusCode ?? 0, headers: res.headers, certValidTo };
      if (!wantBody || method === 'HEAD') {
        res.destroy();
        resolve({ ...base, body: undefined });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.destroy();
          resolve({ ...base, body: Buffer.concat(chunks).toString('utf8') });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ ...base, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new ProbeTimeout()), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

function peerCertificateExpiry(socket: TLSSocket): Date | undefined {
  const cert = socket.getPeerCertificate?.();
  if (!cert || !cert.valid_to) return undefined;
  const t = Date.parse(cert.valid_to);
  return Number.isNaN(t) ? undefined : new Date(t);
}

function classifyFailure(error: unknown, url: URL, timeoutMs: number): ProbeVerdict {
  if (error instanceof ProbeTimeout) return verdict('down', `no answer within ${timeoutMs} ms`);
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return verdict('down', 'TLS certificate has expired');
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return verdict('down', `TLS certificate is not valid for ${url.hostname}`);
    case 'ECONNREFUSED':
      return verdict('down', 'connection refused');
    case 'ECONNRESET':
      return verdict('down', 'connection reset');
    case 'ENOTFOUND':
      return verdict('down', `host ${url.hostname} not found`);
    // The bot's own resolver failing says nothing about the service.
    case 'EAI_AGAIN':
      return verdict('unknown', `could not resolve ${url.hostname} (temporary DNS failure)`);
    default:
      if (typeof code === 'string' && UNTRUSTED_CERT_CODES.has(code)) return verdict('down', `TLS certificate not trusted (${code})`);
      return verdict('down', `request failed: ${describeError(error)}`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
