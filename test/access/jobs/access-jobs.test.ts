import { describe, expect, it } from 'vitest';
import { createAccessRequest } from '../../../src/access/domain/access-request-lifecycle.ts';
import { deliverAccessEffectsJob } from '../../../src/access/jobs/deliver-access-effects.ts';
import { expireAccessJob } from '../../../src/access/jobs/expire-access.ts';
import { openAccessPullRequestJob } from '../../../src/access/jobs/open-access-pull-request.ts';
import { remindBeforeExpiryJob } from '../../../src/access/jobs/remind-before-expiry.ts';
import { outboxEffects } from '../../../src/access/transition-effects.ts';
import { PermanentJobError } from '../../../src/platform/jobs/permanent-job-error.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { InMemoryAuditSink } from '../helpers/in-memory-audit-sink.ts';
import { RecordingNotifier } from '../helpers/recording-notifier.ts';
import { claimedJob, clockAt, k8sIoCatalog, memoryOnce, people, policy } from '../helpers/use-case-fixtures.ts';

describe('access job kinds', async () => {
  const catalog = await k8sIoCatalog();

  it('keep the names deployed databases hold', () => {
    expect([deliverAccessEffectsJob.kind, openAccessPullRequestJob.kind, remindBeforeExpiryJob.kind, expireAccessJob.kind]).toEqual(['access.effects', 'access.open-pr', 'access.expiry-reminder', 'access.expiry']);
  });

  it('the outbox job runs a payload as the jobs table stores it (JSON)', async () => {
    const t = createAccessRequest({ id: 'ar-000000000001', requester: { slackUserId: 'U0JIMANGE', github: 'jimangel' }, value: { group: catalog.find('k8s-infra-gcp-auditors@kubernetes.io')!, email: 'new@example.com', justification: 'Cost review, ten chars.' }, policy, now: new Date('2022-01-19T12:00:00Z') });
    const outbox = outboxEffects(t, new Date('2022-01-19T12:00:00Z'), { auditSink: true }).find((e) => e.kind === 'deliver-once');
    if (outbox?.kind !== 'deliver-once') throw new Error('no outbox job');
    const stored: unknown = JSON.parse(JSON.stringify(outbox.job.payload));
    const requests = new InMemoryAccessRequests([t.request]);
    const notifier = new RecordingNotifier();
    const sink = new InMemoryAuditSink();
    await deliverAccessEffectsJob.bind({ requests, notifier, people: people(), auditSink: () => sink, once: memoryOnce(), clock: clockAt(), home: { refresh: () => undefined } }).run(stored, claimedJob(outbox.job.id));
    expect(notifier.posts).toHaveLength(1);
    expect(sink.entries).toEqual([expect.objectContaining({ action: 'access.requested', at: new Date('2022-01-19T12:00:00Z'), key: 'ar-000000000001:audit:access.requested:1' })]);
  });

  it('a payload that does not match its schema fails the job for good', async () => {
    const deps = { requests: new InMemoryAccessRequests(), clock: clockAt() };
    await expect(expireAccessJob.bind(deps).run({ request: 'ar-1' }, claimedJob('x'))).rejects.toBeInstanceOf(PermanentJobError);
    const outbox = deliverAccessEffectsJob.bind({ requests: new InMemoryAccessRequests(), notifier: new RecordingNotifier(), people: people(), auditSink: () => undefined, once: memoryOnce(), clock: clockAt(), home: { refresh: () => undefined } });
    await expect(outbox.run({ requestId: 'ar-1', effects: [{ type: 'launch-rockets', key: 'k' }] }, claimedJob('y'))).rejects.toThrow(/payload of access.effects does not match its schema/);
  });
});
