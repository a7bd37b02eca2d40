import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { probeSchema } from '../../../src/platform/config/sections/probes.ts';
import { createCloudLoggingReader } from '../../../src/integrations/gcp/cloud-logging-reader.ts';
import { noCredentialsAuthClient } from '../../../src/integrations/gcp/gcp-connection.ts';
import { buildProbe } from '../../../src/status/build-probe.ts';
import type { LogReader } from '../../../src/status/ports/gcp-readers.ts';
import { googleError, json, startFakeGoogleApi, type FakeGoogleApi, type SeenRequest } from './helpers/fake-google-api.ts';

const now = new Date('2026-03-01T12:00:00Z');
const clock = new ManualClock(now);
const signal = () => new AbortController().signal;

/** A failed Cloud Build, as Cloud Logging returns it (proto JSON). */
const buildFailure = (minutesAgo: number, i = 0) => ({
  logName: 'projects/k8s-infra-prow-build/logs/cloudbuild',
  resource: { type: 'build', labels: { build_id: `0b6f${i}c2e-1d5a-4c1e-9b63-7c1f2a4e${String(i).padStart(4, '0')}`, project_id: 'k8s-infra-prow-build' } },
  timestamp: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
  receiveTimestamp: new Date(now.getTime() - minutesAgo * 60_000 + 800).toISOString(),
  severity: 'ERROR',
  insertId: `ins-${i}`,
  textPayload: 'ERROR: build step 0 "gcr.io/k8s-staging-test-infra/bazelbuild" failed: step exited with non-zero status: 1',
});

/** Honours pageSize like the real API: at most pageSize entries per answer. */
const entriesAnswer = (entries: unknown[]) => (req: SeenRequest) => {
  const { pageSize } = JSON.parse(req.body) as { pageSize?: number };
  return json(200, { entries: entries.slice(0, pageSize ?? entries.length) });
};

describe('Cloud Logging reader over the REST fallback (local fake)', () => {
  let api: FakeGoogleApi;
  let reader: LogReader;
  beforeAll(async () => {
    api = await startFakeGoogleApi();
    reader = createCloudLoggingReader({ fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port: api.port, authClient: noCredentialsAuthClient(), requestTimeoutMs: 1000 });
  });
  afterEach(() => {
    api.requests.length = 0;
  });
  afterAll(async () => {
    await api.close();
  });

  it('POSTs /v2/entries:list with the project, the filter, newest first and one bounded page', async () => {
    api.answer = entriesAnswer([buildFailure(3, 1), buildFailure(20, 2)]);
    const entries = await reader.listEntries(
      { project: 'k8s-infra-prow-build', filter: 'resource.type="build" AND severity>=ERROR AND timestamp>="2026-03-01T11:00:00Z"', limit: 5 },
      signal(),
    );
    expect(entries).toEqual([
      { timestamp: new Date('2026-03-01T11:57:00Z'), severity: 'ERROR' },
      { timestamp: new Date('2026-03-01T11:40:00Z'), severity: 'ERROR' },
    ]);
    expect(api.requests).toHaveLength(1);
    const req = api.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v2/entries:list');
    expect(JSON.parse(req.body)).toMatchObject({
      resourceNames: ['projects/k8s-infra-prow-build'],
      filter: 'resource.type="build" AND severity>=ERROR AND timestamp>="2026-03-01T11:00:00Z"',
      orderBy: 'timestamp desc',
      pageSize: 5,
    });
    expect(req.headers['authorization']).toBeUndefined();
  });

  it('maps 403 to permission-denied and a garbage body to bad-response', async () => {
    api.answer = () => googleError(403, 'PERMISSION_DENIED', 'Permission denied for all log views');
    expect(await reader.listEntries({ project: 'kubernetes-public', filter: 'severity>=ERROR', limit: 1 }, signal()).catch((e: { kind: string }) => e.kind)).toBe(
      'permission-denied',
    );
    api.answer = () => ({ status: 200, body: '{"entries": "lots"' });
    expect(await reader.listEntries({ project: 'kubernetes-public', filter: 'severity>=ERROR', limit: 1 }, signal()).catch((e: { kind: string }) => e.kind)).toBe(
      'bad-response',
    );
  });

  describe('through the logging probes', () => {
    const build = (input: Record<string, unknown>) => buildProbe(probeSchema.parse(input), { clock, logReader: reader });
    const cloudBuildFailures = {
      type: 'logging',
      name: 'Cloud Build failures',
      project: 'k8s-infra-prow-build',
      filter: 'resource.type="build" AND severity>=ERROR',
      windowMinutes: 60,
      degradedAbove: 2,
      downAbove: 5,
    };

    it('counts failures in the window against the thresholds, reading only threshold+1 entries', async () => {
      api.answer = entriesAnswer([buildFailure(1)]);
      expect(await build(cloudBuildFailures).run(signal())).toEqual({ state: 'ok', detail: '1 matching entry in the last 1 h' });
      const body = JSON.parse(api.requests[0]!.body) as { filter: string; pageSize: number };
      expect(body.filter).toBe('(resource.type="build" AND severity>=ERROR) AND timestamp>="2026-03-01T11:00:00.000Z"');
      expect(body.pageSize).toBe(6);

      api.answer = entriesAnswer([1, 2, 3].map((m) => buildFailure(m, m)));
      expect(await build(cloudBuildFailures).run(signal())).toEqual({ state: 'degraded', detail: '3 matching entries in the last 1 h (degraded above 2)' });
      api.answer = entriesAnswer(Array.from({ length: 40 }, (_, i) => buildFailure(i + 1, i)));
      expect(await build(cloudBuildFailures).run(signal())).toEqual({ state: 'down', detail: 'at least 6 matching entries in the last 1 h (down above 5)' });
    });

    it('freshness: newest BigQuery load older than allowed is degraded, then down', async () => {
      const freshness = {
        type: 'logging-freshness',
        project: 'kubernetes-public',
        filter: 'resource.type="bigquery_resource" AND protoPayload.methodName="jobservice.jobcompleted"',
        maxAgeMinutes: 90,
        downAfterMinutes: 360,
      };
      api.answer = entriesAnswer([buildFailure(30)]);
      expect(await build(freshness).run(signal())).toEqual({ state: 'ok', detail: 'newest matching entry 30 min old' });
      expect(JSON.parse(api.requests[0]!.body)).toMatchObject({ pageSize: 1, filter: expect.stringContaining('timestamp>="2026-03-01T06:00:00.000Z"') });
      api.answer = entriesAnswer([buildFailure(150)]);
      expect(await build(freshness).run(signal())).toEqual({ state: 'degraded', detail: 'newest matching entry 2 h 30 min old (expected within 1 h 30 min)' });
      api.answer = entriesAnswer([]);
      expect(await build(freshness).run(signal())).toEqual({ state: 'down', detail: 'no matching entry in the last 6 h' });
    });

    it('a 403 is unknown, a garbage body is unknown', async () => {
      api.answer = () => googleError(403, 'PERMISSION_DENIED', 'Permission denied');
      expect(await build(cloudBuildFailures).run(signal())).toEqual({
        state: 'unknown',
        detail: "permission denied reading logs of k8s-infra-prow-build (check the bot's IAM roles)",
      });
      api.answer = () => ({ status: 200, body: 'garbage' });
      expect(await build(cloudBuildFailures).run(signal())).toEqual({ state: 'unknown', detail: 'unreadable answer reading logs of k8s-infra-prow-build' });
    });
  });
});
