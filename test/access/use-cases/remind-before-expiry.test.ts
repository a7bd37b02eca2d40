import { describe, expect, it } from 'vitest';
import { remindBeforeExpiry } from '../../../src/access/use-cases/remind-before-expiry.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { claimedJob, clockAt, policy, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

const granted = () => prOpenedRequest({ status: 'fulfilled', until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' });
const id = 'ar-0123456789ab';

describe('remindBeforeExpiry', () => {
  it('tells the requester once, completing the job with the change', async () => {
    const requests = new InMemoryAccessRequests([granted()]);
    const job = claimedJob('access:ar-0123456789ab:expiry-reminder');
    await remindBeforeExpiry({ requests, clock: clockAt('2022-01-30T00:00:00Z'), policy }, id, job);
    expect(requests.saved).toHaveLength(1);
    expect(requests.saved[0]!.job).toBe(job);
    expect(requests.effects().find((e) => e.type === 'notify-requester')).toMatchObject({ text: expect.stringContaining('ends after 2022-02-01') });
    await remindBeforeExpiry({ requests, clock: clockAt('2022-01-30T00:05:00Z'), policy }, id, job);
    expect(requests.saved).toHaveLength(1);
  });
});
