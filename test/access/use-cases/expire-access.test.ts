import { describe, expect, it } from 'vitest';
import { expireAccess } from '../../../src/access/use-cases/expire-access.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { claimedJob, clockAt, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

const granted = () => prOpenedRequest({ status: 'fulfilled', until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' });
const id = 'ar-0123456789ab';

describe('expireAccess', () => {
  it('before the end it throws (the runner retries later); after, asks for the removal pull request', async () => {
    const requests = new InMemoryAccessRequests([granted()]);
    const job = claimedJob('access:ar-0123456789ab:expiry');
    await expect(expireAccess({ requests, clock: clockAt('2022-02-01T23:59:59Z') }, id, job)).rejects.toThrow('Access runs until 2022-02-02T00:00:00.000Z.');
    expect(requests.saved).toEqual([]);
    await expireAccess({ requests, clock: clockAt('2022-02-02T00:00:01Z') }, id, job);
    expect((await requests.get(id))?.status).toBe('expiring');
    expect(requests.effects()[0]).toEqual({ type: 'open-pr', key: 'ar-0123456789ab:open-pr:remove', requestId: id, change: 'remove' });
    expect(requests.saved[0]!.job).toBe(job);
  });

  it('a request gone or no longer temporary: nothing to do', async () => {
    const requests = new InMemoryAccessRequests([prOpenedRequest({ status: 'fulfilled' })]);
    await expireAccess({ requests, clock: clockAt('2030-01-01T00:00:00Z') }, id, claimedJob('x'));
    await expireAccess({ requests, clock: clockAt('2030-01-01T00:00:00Z') }, 'ar-ffffffffffff', claimedJob('y'));
    expect(requests.saved).toEqual([]);
  });
});
