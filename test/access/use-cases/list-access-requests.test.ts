import { describe, expect, it } from 'vitest';
import { listAccessRequests } from '../../../src/access/use-cases/list-access-requests.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { AMEUKAM, BEN, DIMS, JIM, catalogOf, k8sIoCatalog, pendingRequest, people } from '../helpers/use-case-fixtures.ts';

describe('listAccessRequests', async () => {
  const catalog = await k8sIoCatalog();
  const requests = new InMemoryAccessRequests([
    pendingRequest({ id: 'ar-1', createdAt: '2022-01-19T12:00:00.000Z' }),
    pendingRequest({ id: 'ar-2', createdAt: '2022-01-20T12:00:00.000Z', approvals: [{ slackUserId: AMEUKAM, github: 'ameukam', at: '2022-01-20T13:00:00.000Z' }], requiredApprovals: 2 }),
    pendingRequest({ id: 'ar-3', status: 'denied', createdAt: '2022-01-21T12:00:00.000Z' }),
  ]);
  const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);

  it('own requests newest first; pending ones the person may approve and has not yet', async () => {
    const deps = { requests, catalog: catalogOf(catalog), people: people() };
    const jim = await listAccessRequests(deps, JIM);
    expect(ids(jim.mine)).toEqual(['ar-3', 'ar-2', 'ar-1']);
    expect(jim.waiting).toEqual([]);
    expect(ids((await listAccessRequests(deps, AMEUKAM)).waiting)).toEqual(['ar-1']);
    expect(ids((await listAccessRequests(deps, DIMS)).waiting)).toEqual(['ar-1', 'ar-2']);
    expect((await listAccessRequests(deps, BEN)).waiting).toEqual([]);
    expect(await listAccessRequests(deps, 'U0UNKNOWN')).toEqual({ mine: [], waiting: [] });
  });

  it('without a catalog, the approvers at request time decide', async () => {
    const deps = { requests, catalog: catalogOf(new Error('GitHub down')), people: people() };
    expect(ids((await listAccessRequests(deps, DIMS)).waiting)).toEqual(['ar-1', 'ar-2']);
  });
});
