import { describe, expect, it } from 'vitest';
import { requestAccess, type AccessRequestForm, type RequestAccessDeps } from '../../../src/access/use-cases/request-access.ts';
import { InMemoryAccessRequests } from '../helpers/in-memory-access-requests.ts';
import { AUDITORS, JIM, catalogOf, clockAt, k8sIoCatalog, people, policy, rules } from '../helpers/use-case-fixtures.ts';

const form: AccessRequestForm = { group: AUDITORS, email: 'new.auditor@example.com', justification: 'Needed for the quarterly cost review.', until: undefined, temporary: false };

describe('requestAccess', async () => {
  const catalog = await k8sIoCatalog();
  function deps(overrides: Partial<RequestAccessDeps> = {}) {
    const errors: unknown[] = [];
    const d: RequestAccessDeps = { requests: new InMemoryAccessRequests(), catalog: catalogOf(catalog), people: people(), clock: clockAt(), rules, policy, log: { error: (obj: unknown) => void errors.push(obj) }, ...overrides };
    return { ...d, errors };
  }

  it('creates the request, to be posted for approval, audited, and the requester told', async () => {
    const d = deps();
    const r = await requestAccess(d, { id: 'ar-000000000001', userId: JIM, form });
    expect(r).toMatchObject({ ok: true, duplicate: false, request: { id: 'ar-000000000001', status: 'pending', requester: { github: 'jimangel' }, approversAtRequest: expect.arrayContaining(['ameukam', 'dims']) } });
    if (!r.ok) return;
    expect(r.message).toBe('Request posted in #wg-k8s-infra: new.auditor@example.com in k8s-infra-gcp-auditors. It needs one approver.');
    const requests = d.requests as InMemoryAccessRequests;
    expect(requests.effects().map((e) => e.type)).toEqual(['post-approval-request', 'audit', 'notify-requester']);
    expect(requests.effects()[2]).toEqual({ type: 'notify-requester', key: 'ar-000000000001:notify-requester:requested', requestId: 'ar-000000000001', slackUserId: JIM, text: r.message });
  });

  it('a retried submission (same id) finds the request it made', async () => {
    const d = deps();
    await requestAccess(d, { id: 'ar-000000000002', userId: JIM, form });
    expect(await requestAccess(d, { id: 'ar-000000000002', userId: JIM, form: { ...form, justification: 'changed meanwhile, ignored' } })).toMatchObject({ ok: true, duplicate: true, message: 'Already submitted.' });
    expect((d.requests as InMemoryAccessRequests).saved).toHaveLength(1);
  });

  it('a group defined nowhere is refused inline, with no request made', async () => {
    const d = deps();
    const r = await requestAccess(d, { id: 'ar-000000000003', userId: JIM, form: { ...form, group: 'k8s-infra-gcp-auditor@kubernetes.io', email: 'a@example.com' } });
    expect(r).toEqual({ ok: false, errors: { group: 'There is no group k8s-infra-gcp-auditor@kubernetes.io. Did you mean k8s-infra-gcp-auditors@kubernetes.io?' } });
    expect((d.requests as InMemoryAccessRequests).saved).toEqual([]);
  });

  it('temporary access needs its last day; an unreadable catalog is said so on the group field', async () => {
    expect(await requestAccess(deps(), { id: 'ar-000000000004', userId: JIM, form: { ...form, temporary: true } })).toEqual({ ok: false, errors: { until: 'Temporary access needs its last day.' } });
    const down = deps({ catalog: catalogOf(new Error('GitHub 502')) });
    expect(await requestAccess(down, { id: 'ar-000000000005', userId: JIM, form })).toEqual({ ok: false, errors: { group: 'The bot cannot read the groups from GitHub right now; try again in a minute.' } });
    expect(down.errors).toHaveLength(1);
  });

  it('temporary access records its end; a permanent form ignores a stray date', async () => {
    const d = deps();
    const temp = await requestAccess(d, { id: 'ar-000000000006', userId: JIM, form: { ...form, temporary: true, until: '2022-02-01' } });
    expect(temp).toMatchObject({ ok: true, request: { until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' } });
    const permanent = await requestAccess(d, { id: 'ar-000000000007', userId: JIM, form: { ...form, email: 'other@example.com', until: '2022-02-01' } });
    expect(permanent.ok && permanent.request.until).toBeUndefined();
  });

  it('a list split into sections asks where the line goes first (default by affiliation), then keeps the choice; a list of notes takes one', async () => {
    const d = deps();
    const oncall = { ...form, group: 'k8s-infra-sig-scalability-oncall@kubernetes.io', email: 'new.oncall@google.com' };
    const asked = await requestAccess(d, { id: 'ar-000000000008', userId: JIM, form: oncall });
    expect(asked).toEqual({ ok: false, placement: { sections: ['scalability-oncall', 'sig-scalability leads'], defaultSection: 0, notes: false } });
    expect((d.requests as InMemoryAccessRequests).saved).toEqual([]);
    expect(await requestAccess(d, { id: 'ar-000000000008', userId: JIM, form: { ...oncall, placement: { section: '7', note: undefined } } })).toEqual({ ok: false, errors: { section: 'Choose the section of the members list the address goes in.' } });
    const made = await requestAccess(d, { id: 'ar-000000000008', userId: JIM, form: { ...oncall, placement: { section: '1', note: undefined } } });
    expect(made).toMatchObject({ ok: true, request: { placement: { section: 'sig-scalability leads' } } });

    const noted = { ...form, group: 'release-team@kubernetes.io', email: 'new.shadow@example.com' };
    expect(await requestAccess(d, { id: 'ar-000000000009', userId: JIM, form: noted })).toMatchObject({ ok: false, placement: { notes: true } });
    expect(await requestAccess(d, { id: 'ar-000000000009', userId: JIM, form: { ...noted, placement: { section: undefined, note: 'x'.repeat(101) } } })).toEqual({ ok: false, errors: { note: 'At most 100 characters (this is 101).' } });
    expect(await requestAccess(d, { id: 'ar-000000000009', userId: JIM, form: { ...noted, placement: { section: undefined, note: ' 1.24  Docs\nShadow ' } } })).toMatchObject({ ok: true, request: { placement: { note: '1.24 Docs Shadow' } } });
  });
});
