import { describe, expect, it } from 'vitest';
import { cancelAccess } from '../../../src/access/use-cases/cancel-access.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { DIMS, JIM, clockAt, pendingRequest, people, recordingAudit } from '../helpers/use-case-fixtures.ts';

describe('cancelAccess', () => {
  it('the requester withdraws once; a repeat hears it is done; anyone else is refused and audited', async () => {
    const d = { requests: new InMemoryAccessRequests([pendingRequest()]), people: people(), clock: clockAt(), audit: recordingAudit() };
    const requestId = pendingRequest().id;
    expect(await cancelAccess(d, { requestId, userId: DIMS })).toEqual({ outcome: 'not-requester', message: 'Only the requester can withdraw a request.' });
    expect(d.audit.entries.map((e) => [e.actor, e.payload.attempted, e.payload.code])).toEqual([[DIMS, 'cancel', 'not-requester']]);
    expect(await cancelAccess(d, { requestId, userId: JIM })).toEqual({ outcome: 'cancelled', message: 'Request withdrawn.' });
    expect(await cancelAccess(d, { requestId, userId: JIM })).toEqual({ outcome: 'already-decided', message: 'The requester withdrew this request.' });
    expect(d.requests.saved).toHaveLength(1);
    expect(d.requests.effects().map((e) => e.type)).toEqual(['update-approval-message', 'audit']);
    expect(await cancelAccess(d, { requestId: 'ar-ffffffffffff', userId: JIM })).toMatchObject({ outcome: 'gone' });
  });
});
