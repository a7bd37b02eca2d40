import { describe, expect, it } from 'vitest';
import { approveAccess, type ApproveAccessDeps } from '../../../src/access/use-cases/approve-access.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { AMEUKAM, BEN, DIMS, JIM, catalogOf, clockAt, k8sIoCatalog, pendingRequest, people, recordingAudit } from '../helpers/use-case-fixtures.ts';

describe('approveAccess', async () => {
  const catalog = await k8sIoCatalog();
  const deps = (requests = new InMemoryAccessRequests([pendingRequest()])): ApproveAccessDeps & { requests: InMemoryAccessRequests; audit: ReturnType<typeof recordingAudit> } => ({ requests, catalog: catalogOf(catalog), people: people(), clock: clockAt(), audit: recordingAudit() });
  const id = pendingRequest().id;

  it('a current approver approves; enough approvals ask for the pull request', async () => {
    const d = deps();
    expect(await approveAccess(d, { requestId: id, userId: AMEUKAM })).toEqual({ outcome: 'approved', message: 'Approved. The bot is opening a pull request for sj7trunks@pendulus.net in k8s-infra-gcp-auditors.' });
    expect(d.requests.effects().map((e) => e.type)).toEqual(['open-pr', 'update-approval-message', 'notify-requester', 'audit']);
    expect((await d.requests.get(id))?.status).toBe('approved');
  });

  it('refuses the requester and non-approvers, and a second decision, changing nothing', async () => {
    const d = deps();
    expect((await approveAccess(d, { requestId: id, userId: JIM })).message).toBe('You cannot decide on your own request; another approver has to.');
    expect(d.audit.entries.map((e) => [e.actor, e.action, e.payload.code])).toEqual([[JIM, 'access.refused', 'own-request']]);
    expect((await approveAccess(d, { requestId: id, userId: BEN })).outcome).toBe('not-approver');
    expect(d.requests.saved).toEqual([]);
    await approveAccess(d, { requestId: id, userId: AMEUKAM });
    expect(await approveAccess(d, { requestId: id, userId: DIMS })).toEqual({ outcome: 'already-decided', message: 'Already approved by @ameukam.' });
    expect(d.requests.saved).toHaveLength(1);
  });

  it('two approvers for two-approver groups; the same person twice counts once', async () => {
    const d = deps(new InMemoryAccessRequests([pendingRequest({ requiredApprovals: 2 })]));
    expect((await approveAccess(d, { requestId: id, userId: AMEUKAM })).message).toBe('Approval recorded; one more approver is needed.');
    expect((await approveAccess(d, { requestId: id, userId: AMEUKAM })).message).toBe('You already approved this request.');
    expect((await approveAccess(d, { requestId: id, userId: DIMS })).outcome).toBe('approved');
  });

  it('recomputes when another click wrote first (compare-and-set)', async () => {
    const d = deps(new InMemoryAccessRequests([pendingRequest({ requiredApprovals: 2 })]));
    // Dims's approval lands between reading the request and writing Ameukam's.
    d.requests.beforeNextSave = () => d.requests.put(pendingRequest({ requiredApprovals: 2, approvals: [{ slackUserId: DIMS, github: 'dims', at: '2022-01-19T12:01:00.000Z' }], version: 2 }));
    expect((await approveAccess(d, { requestId: id, userId: AMEUKAM })).outcome).toBe('approved');
    expect((await d.requests.get(id))?.approvals.map((a) => a.github)).toEqual(['dims', 'ameukam']);
  });

  it('a request that does not exist', async () => {
    expect(await approveAccess(deps(), { requestId: 'ar-ffffffffffff', userId: AMEUKAM })).toEqual({ outcome: 'gone', message: 'That access request no longer exists.' });
  });
});
