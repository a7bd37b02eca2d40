import { describe, expect, it } from 'vitest';
import type { AuditSink } from '../../../src/access/ports/audit-sink.ts';
import { deliverAccessEffects, type DeliveryEffect } from '../../../src/access/use-cases/deliver-access-effects.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { InMemoryAuditSink } from '../helpers/in-memory-audit-sink.ts';
import { RecordingNotifier } from '../helpers/recording-notifier.ts';
import { AMEUKAM, DIMS, JIM, clockAt, memoryOnce, pendingRequest, people } from '../helpers/use-case-fixtures.ts';

const id = pendingRequest().id;
const post: DeliveryEffect = { type: 'post-approval-request', key: `${id}:post`, requestId: id, channel: 'wg-k8s-infra', approvers: ['ameukam', 'dims', 'jimangel', 'nobody-in-config'] };

function deps(sink?: AuditSink) {
  const requests = new InMemoryAccessRequests([pendingRequest()]);
  const notifier = new RecordingNotifier();
  const once = memoryOnce();
  const homeRefreshes: string[][] = [];
  const home = { refresh: (who: readonly (string | undefined)[]) => void homeRefreshes.push(who.filter((w): w is string => w !== undefined)) };
  return { requests, notifier, once, people: people(), auditSink: () => sink, clock: clockAt(), home, homeRefreshes };
}

describe('deliverAccessEffects (the outbox job)', () => {
  it('posts the approval message once, records its thread, and DMs each approver but the requester', async () => {
    const d = deps();
    await deliverAccessEffects(d, id, [post]);
    expect(d.notifier.posts).toHaveLength(1);
    expect(d.notifier.posts[0]!.message.text).toBe('Access request: sj7trunks@pendulus.net → k8s-infra-gcp-auditors (permanent) — Waiting for approval');
    expect((await d.requests.get(id))?.slackThread).toEqual({ channel: 'C-wg-k8s-infra', ts: '1700000000.000001', permalink: 'https://slack.example/archives/C-wg-k8s-infra/p1700000000000001' });
    expect(d.notifier.updates).toHaveLength(1);
    expect(d.notifier.dms.map((m) => m.userId)).toEqual([AMEUKAM, DIMS]);
    // The requester's and the approvers' Home tabs show the request.
    expect(d.homeRefreshes).toEqual([[JIM, AMEUKAM, DIMS]]);
    expect(d.notifier.dmTextsTo(DIMS)[0]).toMatch(/^You can approve this access request \(<https:\/\/slack.example\/\S+\|thread>\): Access request: /);
    // The job retried after everything was done: nothing is sent again.
    await deliverAccessEffects(d, id, [post]);
    expect(d.notifier.posts).toHaveLength(1);
    expect(d.notifier.dms).toHaveLength(2);
  });

  it('a DM failing half-way: the retry skips the people already told', async () => {
    const d = deps();
    const approvers: DeliveryEffect = { type: 'notify-approvers', key: `${id}:notify-approvers:failed`, requestId: id, approvers: ['ameukam', 'dims'], text: 'Could not prepare it.' };
    d.notifier.failDmsTo.add(DIMS);
    await expect(deliverAccessEffects(d, id, [approvers])).rejects.toThrow('im.open failed');
    d.notifier.failDmsTo.clear();
    await deliverAccessEffects(d, id, [approvers]);
    expect(d.notifier.dms.map((m) => m.userId)).toEqual([AMEUKAM, DIMS]);
    expect(d.once.keys).toEqual(new Set([`access-effect:${id}:notify-approvers:failed:dm:${AMEUKAM}`, `access-effect:${id}:notify-approvers:failed:dm:${DIMS}`, `access-effect:${id}:notify-approvers:failed`]));
  });

  it('the requester is told; the message is updated only once it was posted', async () => {
    const d = deps();
    await deliverAccessEffects(d, id, [
      { type: 'update-approval-message', key: `${id}:update:2`, requestId: id },
      { type: 'notify-requester', key: `${id}:notify-requester:approved`, requestId: id, slackUserId: JIM, text: 'Approved.' },
    ]);
    expect(d.notifier.updates).toEqual([]);
    expect(d.notifier.dmTextsTo(JIM)).toEqual(['Approved.']);
  });

  it('audit entries reach the sink with their key (as stored: the time an ISO string); without a sink, nothing', async () => {
    const sink = new InMemoryAuditSink();
    const entry = { at: new Date('2022-01-19T12:00:00Z'), actor: JIM, action: 'access.requested', subject: `access-request:${id}`, payload: { member: 'sj7trunks@pendulus.net' } };
    await deliverAccessEffects(deps(sink), id, [{ type: 'audit', key: `${id}:audit:access.requested:1`, entry }]);
    expect(sink.entries).toEqual([{ ...entry, key: `${id}:audit:access.requested:1` }]);
    const none = deps();
    await deliverAccessEffects(none, id, [{ type: 'audit', key: 'k', entry }]);
    expect(none.once.keys.has('access-effect:k')).toBe(true);
  });
});
