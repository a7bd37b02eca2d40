import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggingOptions } from '@google-cloud/logging';
import type { AccessAuditEntry } from '../../../src/access/domain/access-request.ts';
import { InMemoryAuditSink } from '../../access/helpers/in-memory-audit-sink.ts';
import { CloudLoggingAuditSink } from '../../../src/integrations/audit/cloud-logging-audit-sink.ts';
import { fakeAuthClient, FakeCloudLogging } from './fake-cloud-logging.ts';

let fake: FakeCloudLogging;
let sink: CloudLoggingAuditSink;

beforeAll(async () => {
  fake = await FakeCloudLogging.start();
  const loggingOptions = { fallback: true, protocol: 'http', apiEndpoint: '127.0.0.1', port: fake.port, authClient: fakeAuthClient } as unknown as LoggingOptions;
  sink = new CloudLoggingAuditSink({ projectId: 'k8s-infra-prow', logName: 'k8s-infra-bot-access', loggingOptions, maxRetries: 0 });
});
afterAll(async () => {
  await fake.close();
});

const approved: AccessAuditEntry = {
  at: new Date('2022-01-25T10:00:00Z'),
  actor: 'UCARLOS',
  action: 'access.approved',
  subject: 'access-request:req-1',
  payload: { group: 'k8s-infra-release-editors@kubernetes.io', member: 'jameswangel@gmail.com', approvers: ['cpanato'], until: null },
};

describe('CloudLoggingAuditSink against a local Cloud Logging REST fake', () => {
  it('writes one structured entry per record, keyed for deduplication', async () => {
    await sink.record(approved, { key: 'req-1:audit:access.approved:2' });
    await sink.record({ ...approved, action: 'access.denied', payload: { reason: 'no' } });
    expect(fake.writes[0]).toMatchObject({ logName: 'projects/k8s-infra-prow/logs/k8s-infra-bot-access', resource: { type: 'global' } });
    const [first, second] = fake.entries();
    expect(first).toMatchObject({
      insertId: 'req-1:audit:access.approved:2',
      timestamp: '2022-01-25T10:00:00.000Z',
      labels: { action: 'access.approved', actor: 'UCARLOS', subject: 'access-request:req-1' },
      jsonPayload: {
        message: 'access.approved access-request:req-1 by UCARLOS',
        action: 'access.approved',
        actor: 'UCARLOS',
        subject: 'access-request:req-1',
        details: approved.payload,
      },
    });
    // NOTICE is 300, WARNING 400 in the LogSeverity enum (sent as numbers).
    expect(Number(first!.severity)).toBe(300);
    expect(Number(second!.severity)).toBe(400);
    expect(second!.insertId).not.toBe(first!.insertId);
  });

  it('surfaces a refused write', async () => {
    fake.failNext(400, 'INVALID_ARGUMENT');
    await expect(sink.record(approved, { key: 'k2' })).rejects.toThrow(/injected failure/);
  });
});

describe('the in-memory sink the e2e tests use', () => {
  it('deduplicates by key, as Cloud Logging does by insertId', async () => {
    const a = new InMemoryAuditSink();
    await a.record(approved, { key: 'k' });
    await a.record(approved, { key: 'k' });
    expect(a.entries).toHaveLength(1);
    await a.record(approved, { key: 'k3' });
    expect(a.entries).toHaveLength(2);
  });
});
