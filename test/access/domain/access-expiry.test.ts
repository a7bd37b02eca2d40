import { describe, expect, it } from 'vitest';
import { endAccessNow, remindBeforeExpiryDays, requestExtension, supersedeAccess } from '../../../src/access/domain/access-expiry.ts';
import { expirySchedule } from '../../../src/access/domain/access-request-lifecycle.ts';
import { AMEUKAM, BEN, JIM, policy, prOpenedRequest } from '../helpers/use-case-fixtures.ts';

const reminders = { ...policy, reminderDaysBeforeExpiry: [7, 1] };
const granted = () => prOpenedRequest({ status: 'fulfilled', until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' });
const jim = { slackUserId: JIM, github: 'jimangel', email: 'jimangel@example.org' };
const ameukam = { slackUserId: AMEUKAM, github: 'ameukam' };
const ben = { slackUserId: BEN, github: 'BenTheElder' };
const now = new Date('2022-01-26T00:00:01Z');

describe('the end of temporary access (pure)', () => {
  it('schedules a reminder per configured day still ahead, the expiry, and the prepared removal', () => {
    const effects = expirySchedule(granted(), new Date('2022-01-28T00:00:00Z'), reminders);
    expect(effects.map((e) => (e.type === 'schedule' ? `${e.key}@${e.dueAt.toISOString()}` : e.type))).toEqual([
      'access:ar-0123456789ab:expiry-reminder:1d@2022-02-01T00:00:00.000Z',
      'access:ar-0123456789ab:expiry@2022-02-02T00:00:00.000Z',
      'prepare-removal',
    ]);
  });

  it('each reminder once, to the requester and the grant’s approvers', () => {
    const t = remindBeforeExpiryDays(granted(), now, 7);
    expect(t.effects[0]).toEqual({ type: 'notify-expiry', key: 'ar-0123456789ab:notify-expiry:7d', requestId: 'ar-0123456789ab', days: 7, approvers: ['ameukam'] });
    expect(remindBeforeExpiryDays(t.request, now, 7).outcome).toBe('duplicate');
    expect(remindBeforeExpiryDays(t.request, now, 1).outcome).toBe('reminded');
  });

  it('End now: requester or approvers only; the removal is asked for and the schedule cancelled; a repeat hears it is ending', () => {
    expect(endAccessNow(granted(), ben, ['ameukam'], now, reminders)).toMatchObject({ changed: false, outcome: 'not-allowed' });
    const t = endAccessNow(granted(), ameukam, [], now, reminders);
    expect(t).toMatchObject({ outcome: 'ending', request: { status: 'expiring' } });
    expect(t.effects.filter((e) => e.type === 'open-pr' || e.type === 'cancel-scheduled').map((e) => (e.type === 'cancel-scheduled' ? e.jobId ?? e.job : e.type))).toEqual([
      'open-pr',
      'expiry',
      'expiry-reminder',
      'access:ar-0123456789ab:expiry-reminder:7d',
      'access:ar-0123456789ab:expiry-reminder:1d',
    ]);
    expect(endAccessNow(t.request, jim, [], now, reminders).outcome).toBe('already-ending');
    expect(endAccessNow(prOpenedRequest({ status: 'fulfilled' }), jim, [], now, reminders).outcome).toBe('not-temporary');
  });

  it('Extend: the requester only, a later day within the limit, a reason; the new request waits for the usual approvers', () => {
    const base = { id: 'ar-00000000000e', original: granted(), until: '2022-02-15', justification: 'The review takes two more weeks.', approvers: ['ameukam', 'dims'], policy: reminders, maxTemporaryAccessDays: 365, now };
    expect(requestExtension({ ...base, requester: ameukam })).toEqual({ ok: false, errors: { request: 'Only the requester can ask to extend this access.' } });
    expect(requestExtension({ ...base, requester: jim, until: '2022-01-31', justification: 'short' })).toEqual({ ok: false, errors: { until: 'Pick a day after 2022-02-01, the current last day.', justification: 'Say why you need longer (at least 10 characters).' } });
    const r = requestExtension({ ...base, requester: jim });
    expect(r).toMatchObject({ ok: true, request: { status: 'pending', extends: 'ar-0123456789ab', until: '2022-02-15', expiresAt: '2022-02-16T00:00:00.000Z', memberEmail: 'sj7trunks@pendulus.net', approversAtRequest: ['ameukam', 'dims'] } });
  });

  it('the extended request stops once, its schedule cancelled', () => {
    const t = supersedeAccess(granted(), 'ar-00000000000e', now, reminders);
    expect(t).toMatchObject({ outcome: 'extended', request: { status: 'extended', extendedBy: 'ar-00000000000e' } });
    expect(t.effects.some((e) => e.type === 'cancel-scheduled')).toBe(true);
    expect(supersedeAccess(t.request, 'ar-00000000000e', now, reminders).changed).toBe(false);
  });
});
