import { describe, expect, it } from 'vitest';
import { beginDenyAccess } from '../../../src/access/use-cases/begin-deny-access.ts';
import { denyAccess } from '../../../src/access/use-cases/deny-access.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { AMEUKAM, BEN, DIMS, catalogOf, clockAt, k8sIoCatalog, pendingRequest, people, recordingAudit } from '../helpers/use-case-fixtures.ts';

describe('beginDenyAccess and denyAccess', async () => {
  const catalog = await k8sIoCatalog();
  const deps = () => ({ requests: new InMemoryAccessRequests([pendingRequest()]), catalog: catalogOf(catalog), people: people(), clock: clockAt(), audit: recordingAudit() });
  const requestId = pendingRequest().id;

  it('Deny clicked: a non-approver is refused at once, an approver is asked for the reason', async () => {
    const d = deps();
    expect(await beginDenyAccess(d, { requestId, userId: BEN })).toEqual({ kind: 'refused', message: expect.stringMatching(/^Only approvers of groups\/sig-k8s-infra\/groups.yaml can decide/) });
    expect(await beginDenyAccess(d, { requestId, userId: DIMS })).toMatchObject({ kind: 'ask-reason', request: { id: requestId } });
    expect(await beginDenyAccess(d, { requestId: 'ar-ffffffffffff', userId: DIMS })).toEqual({ kind: 'refused', message: 'That access request no longer exists.' });
    expect(d.requests.saved).toEqual([]);
    expect(d.audit.entries.map((e) => [e.actor, e.action, e.payload.attempted, e.payload.code])).toEqual([[BEN, 'access.refused', 'deny', 'not-approver']]);
  });

  it('the reason submitted: denied, the requester told why; a second denial hears who decided', async () => {
    const d = deps();
    expect(await denyAccess(d, { requestId, userId: DIMS, reason: '   ' })).toEqual({ outcome: 'refused', message: 'Give a reason for the requester.' });
    // Past the modal's own limit (a crafted submission): refused with the limit, nothing stored.
    expect(await denyAccess(d, { requestId, userId: DIMS, reason: 'x'.repeat(2001) })).toEqual({ outcome: 'refused', message: 'Keep the reason under 2000 characters (it is 2001).' });
    expect(d.requests.saved).toHaveLength(0);
    expect(await denyAccess(d, { requestId, userId: DIMS, reason: 'Use k8s-infra-gcp-viewers instead.' })).toEqual({ outcome: 'denied' });
    expect(d.requests.effects().find((e) => e.type === 'notify-requester')).toMatchObject({ text: 'Your request for sj7trunks@pendulus.net in k8s-infra-gcp-auditors was denied by @dims: Use k8s-infra-gcp-viewers instead.' });
    expect(await denyAccess(d, { requestId, userId: AMEUKAM, reason: 'me too' })).toEqual({ outcome: 'already-decided', message: 'Already denied by @dims.' });
    expect(await beginDenyAccess(d, { requestId, userId: AMEUKAM })).toEqual({ kind: 'refused', message: 'Already denied by @dims.' });
    expect(d.requests.saved).toHaveLength(1);
  });

  it('a non-approver submitting (a crafted or stale modal) is refused again', async () => {
    const d = deps();
    expect(await denyAccess(d, { requestId, userId: BEN, reason: 'no' })).toMatchObject({ outcome: 'refused' });
    expect(d.audit.entries.map((e) => [e.action, e.payload.code])).toEqual([['access.refused', 'not-approver']]);
    expect(await denyAccess(d, { requestId: 'ar-ffffffffffff', userId: DIMS, reason: 'no' })).toEqual({ outcome: 'gone' });
  });
});
