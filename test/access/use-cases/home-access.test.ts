import { describe, expect, it } from 'vitest';
import { homeAccess } from '../../../src/access/use-cases/home-access.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { AMEUKAM, JIM, catalogOf, k8sIoCatalog, pendingRequest, people } from '../helpers/use-case-fixtures.ts';

const NOW = new Date('2022-02-01T12:00:00Z');

describe('homeAccess', async () => {
  const catalog = await k8sIoCatalog();
  const requests = new InMemoryAccessRequests([
    pendingRequest({ id: 'ar-waiting' }),
    pendingRequest({ id: 'ar-soon', status: 'fulfilled', until: '2022-02-05', expiresAt: '2022-02-06T00:00:00.000Z' }),
    pendingRequest({ id: 'ar-later', status: 'fulfilled', until: '2022-03-01', expiresAt: '2022-03-02T00:00:00.000Z' }),
    pendingRequest({ id: 'ar-permanent', status: 'fulfilled' }),
    pendingRequest({ id: 'ar-gone', status: 'expired', until: '2022-01-30', expiresAt: '2022-01-31T00:00:00.000Z' }),
  ]);
  const deps = { requests, catalog: catalogOf(catalog), people: people() };

  it('the requester: only their temporary access that ends within a week; nothing to approve', async () => {
    const jim = await homeAccess(deps, { slackUserId: JIM, personId: 'jimangel' }, NOW);
    expect(jim.endingSoon.map((r) => r.id)).toEqual(['ar-soon']);
    expect(jim.waiting).toEqual([]);
  });

  it('an approver: the pending request waiting for them', async () => {
    const arnaud = await homeAccess(deps, { slackUserId: AMEUKAM, personId: 'ameukam' }, NOW);
    expect(arnaud.waiting.map((r) => r.id)).toEqual(['ar-waiting']);
    expect(arnaud.endingSoon).toEqual([]);
  });
});
