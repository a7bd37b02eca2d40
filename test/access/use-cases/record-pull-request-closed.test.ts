import { describe, expect, it } from 'vitest';
import { recordPullRequestClosed } from '../../../src/access/use-cases/record-pull-request-closed.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { clockAt, policy, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

describe('recordPullRequestClosed', () => {
  const branch = 'k8s-infra-bot/access-ar-0123456789ab';

  it('merged: granted, and temporary access gets its reminder and expiry; a redelivery changes nothing', async () => {
    const requests = new InMemoryAccessRequests([prOpenedRequest({ until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' })]);
    const deps = { requests, clock: clockAt('2022-01-20T10:00:00Z'), policy, headRepo: 'kubernetes/k8s.io', audit: { record: async () => 'id' } };
    expect(await recordPullRequestClosed(deps, { number: 7, branch, merged: true, headRepo: 'kubernetes/k8s.io' })).toEqual({ requestId: 'ar-0123456789ab', outcome: 'fulfilled' });
    expect(requests.effects().filter((e) => e.type === 'schedule')).toEqual([
      { type: 'schedule', key: 'access:ar-0123456789ab:expiry-reminder', requestId: 'ar-0123456789ab', job: 'expiry-reminder', dueAt: new Date('2022-01-30T00:00:00.000Z') },
      { type: 'schedule', key: 'access:ar-0123456789ab:expiry', requestId: 'ar-0123456789ab', job: 'expiry', dueAt: new Date('2022-02-02T00:00:00.000Z') },
    ]);
    expect(await recordPullRequestClosed(deps, { number: 7, branch, merged: true, headRepo: 'kubernetes/k8s.io' })).toEqual({ requestId: 'ar-0123456789ab', outcome: 'ignored' });
    expect(requests.saved).toHaveLength(1);
  });

  it('closed unmerged: the request closes; a branch no request has is not ours', async () => {
    const requests = new InMemoryAccessRequests([prOpenedRequest()]);
    const deps = { requests, clock: clockAt(), policy, headRepo: 'kubernetes/k8s.io', audit: { record: async () => 'id' } };
    expect(await recordPullRequestClosed(deps, { number: 7, branch, merged: false, headRepo: 'kubernetes/k8s.io' })).toMatchObject({ outcome: 'closed' });
    expect((await requests.get('ar-0123456789ab'))?.status).toBe('closed');
    expect(await recordPullRequestClosed(deps, { number: 9, branch: 'someone/else', merged: true, headRepo: 'kubernetes/k8s.io' })).toBeUndefined();
  });
});
