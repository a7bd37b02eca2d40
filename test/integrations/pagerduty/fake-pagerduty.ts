/**
 * A local PagerDuty Events API v2 for tests (and the e2e suite): `POST <base>/v2/enqueue`.
 * Request bodies are checked against the real OpenAPI document's schema (required fields, types,
 * enums, $ref) plus the documented limits (summary 1024, dedup_key 255, dedup_key required for
 * acknowledge/resolve). It can be told to answer 429/500/400 (or hang), and it records every
 * request and keeps alert state per dedup key the way PagerDuty does.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const specUrl = new URL('../../fixtures/pagerduty_events_v2_openapiv3.json', import.meta.url);

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
  items?: Schema;
  format?: string;
};

interface Spec {
  paths: Record<string, { post: { requestBody: { content: { 'application/json': { schema: Schema } } } } }>;
  components: { schemas: Record<string, Schema> };
}

function loadEnqueueSchema(): { schema: Schema; spec: Spec } {
  const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as Spec;
  const enqueue = spec.paths['/enqueue'];
  if (!enqueue) throw new Error('spec has no /enqueue path');
  return { schema: enqueue.post.requestBody.content['application/json'].schema, spec };
}

function resolveRef(schema: Schema, spec: Spec): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return target;
}

/** Validates the subset of JSON Schema the Events v2 document uses. */
export function validateAgainstSchema(value: unknown, schema: Schema, spec: Spec, path = ''): string[] {
  const s = resolveRef(schema, spec);
  const errors: string[] = [];
  const at = path || '(body)';
  if (s.enum && !s.enum.includes(value)) errors.push(`${at} must be one of ${s.enum.join(', ')}`);
  switch (s.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...errors, `${at} must be an object`];
      const obj = value as Record<string, unknown>;
      for (const key of s.required ?? []) if (obj[key] === undefined) errors.push(`${path ? `${path}.` : ''}${key} is missing`);
      for (const [key, sub] of Object.entries(s.properties ?? {})) {
        if (obj[key] !== undefined) errors.push(...validateAgainstSchema(obj[key], sub, spec, path ? `${path}.${key}` : key));
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${at} must be an array`];
      value.forEach((item, i) => s.items && errors.push(...validateAgainstSchema(item, s.items, spec, `${at}[${i}]`)));
      break;
    case 'string':
      if (typeof value !== 'string') return [...errors, `${at} must be a string`];
      if (s.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${at} must be a date-time`);
      break;
  }
  return errors;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  rawBody: string;
  body: unknown;
  /** What the fake answered. */
  status: number;
  errors: string[];
}

export interface EnqueuedEvent {
  routing_key: string;
  event_action: 'trigger' | 'acknowledge' | 'resolve';
  dedup_key?: string;
  payload?: { summary: string; severity: string; source: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  /** Raw text instead of JSON (e.g. a proxy's HTML error page). */
  text?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeouts). */
  delayMs?: number;
}

export interface FakeAlert {
  dedupKey: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  summary: string;
  severity: string;
  routingKey: string;
}

export interface FakePagerDuty {
  /** Base URL to use as PAGERDUTY_EVENTS_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every request, in order, with the status it got. */
  requests: RecordedRequest[];
  /** Events accepted with 202. */
  events: EnqueuedEvent[];
  /** Alert state per dedup key, as PagerDuty would keep it. */
  alerts: Map<string, FakeAlert>;
  /** Answer the next requests with these, in order, before behaving normally again. */
  answerNext(...answers: Array<number | ScriptedAnswer>): void;
  /** Answer every request with this until reset (undefined = normal behaviour). */
  answerAlways(answer: number | ScriptedAnswer | undefined): void;
  reset(): void;
  close(): Promise<void>;
}

const ERROR_BODIES: Record<number, unknown> = {
  400: { status: 'invalid event', message: 'Event object is invalid', errors: ['scripted 400'] },
  429: { status: 'throttle event', message: 'Requests for this service are arriving too quickly. Please retry later.' },
  500: { status: 'error', message: 'Internal server error' },
  503: { status: 'error', message: 'Service unavailable' },
};

function toAnswer(a: number | ScriptedAnswer): ScriptedAnswer {
  return typeof a === 'number' ? { status: a, body: ERROR_BODIES[a] ?? { status: 'error', message: `HTTP ${a}` } } : a;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: ScriptedAnswer): void {
  const headers = { ...(answer.text === undefined ? { 'content-type': 'application/json' } : { 'content-type': 'text/html' }), ...answer.headers };
  res.writeHead(answer.status, headers);
  res.end(answer.text ?? JSON.stringify(answer.body ?? {}));
}

/** The checks PagerDuty makes beyond the schema. */
function limits(event: EnqueuedEvent): string[] {
  const errors: string[] = [];
  if (event.event_action !== 'trigger' && !event.dedup_key) errors.push('dedup_key is required for acknowledge and resolve');
  if (event.dedup_key !== undefined && event.dedup_key.length > 255) errors.push('dedup_key is longer than 255 characters');
  if (event.event_action === 'trigger' && !event.payload) errors.push('payload is missing');
  if (event.payload && typeof event.payload.summary === 'string' && event.payload.summary.length > 1024) {
    errors.push('payload.summary is longer than 1024 characters');
  }
  return errors;
}

export async function startFakePagerDuty(): Promise<FakePagerDuty> {
  const { schema, spec } = loadEnqueueSchema();
  const requests: RecordedRequest[] = [];
  const events: EnqueuedEvent[] = [];
  const alerts = new Map<string, FakeAlert>();
  let queue: ScriptedAnswer[] = [];
  let always: ScriptedAnswer | undefined;
  let counter = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const rawBody = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      let body: unknown;
      const record = (status: number, errors: string[] = []): void => {
        requests.push({ method: req.method ?? '', path, headers: req.headers, rawBody, body, status, errors });
      };
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const scripted = queue.shift() ?? always;
      if (scripted) {
        if (scripted.delayMs) await new Promise((r) => setTimeout(r, scripted.delayMs));
        record(scripted.status);
        if (!res.destroyed) send(res, scripted);
        return;
      }
      if (req.method !== 'POST' || path !== '/v2/enqueue') {
        record(404);
        send(res, { status: 404, body: { status: 'not found', message: `no route ${req.method} ${path}` } });
        return;
      }
      if (body === undefined) {
        record(400, ['JSON parse error']);
        send(res, { status: 400, body: { status: 'Unrecognized object', message: 'Event object format is unrecognized', errors: ['JSON parse error'] } });
        return;
      }
      const errors = validateAgainstSchema(body, schema, spec);
      if (errors.length === 0) errors.push(...limits(body as EnqueuedEvent));
      if (errors.length > 0) {
        record(400, errors);
        send(res, { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } });
        return;
      }
      const event = body as EnqueuedEvent;
      const dedupKey = event.dedup_key ?? `fake-${++counter}`;
      const existing = alerts.get(dedupKey);
      if (event.event_action === 'trigger') {
        // A trigger on an open alert is appended to it; on a resolved one it opens a new alert.
        if (!existing || existing.status === 'resolved') {
          alerts.set(dedupKey, { dedupKey, status: 'triggered', summary: event.payload!.summary, severity: event.payload!.severity, routingKey: event.routing_key });
        }
      } else if (existing && existing.status !== 'resolved') {
        existing.status = event.event_action === 'acknowledge' ? 'acknowledged' : 'resolved';
      }
      events.push(event);
      record(202);
      send(res, { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    events,
    alerts,
    answerNext: (...answers) => {
      queue.push(...answers.map(toAnswer));
    },
    answerAlways: (answer) => {
      always = answer === undefined ? undefined : toAnswer(answer);
    },
    reset: () => {
      queue = [];
      always = undefined;
      requests.length = 0;
      events.length = 0;
      alerts.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
