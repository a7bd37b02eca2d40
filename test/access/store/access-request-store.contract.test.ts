import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveAccessRequest, createAccessRequest } from '../../../src/access/domain/access-request-lifecycle.ts';
import type { CatalogGroup } from '../../../src/access/domain/group-catalog.ts';
import { AccessRequestStore } from '../../../src/access/store/access-request-store.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import type { JobContext } from '../../../src/platform/jobs/define-job.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { AMEUKAM, policy } from '../helpers/use-case-fixtures.ts';

const group: CatalogGroup = {
  emailId: 'k8s-infra-gcp-auditors@kubernetes.io',
  name: 'k8s-infra-gcp-auditors',
  description: '',
  settings: { ReconcileMembers: 'true' },
  owners: [],
  managers: [],
  members: [],
  file: 'groups/sig-k8s-infra/groups.yaml',
  line: 1,
  approvers: ['ameukam', 'dims'],
  nearestApprovers: ['ameukam', 'dims'],
  ownersFile: 'groups/sig-k8s-infra/OWNERS',
  allowedByRestrictions: true, memberSections: [], membersCarryNotes: false,
};
const requester = { slackUserId: 'U0JIMANGE', github: 'jimangel' };
const approver = { slackUserId: AMEUKAM, github: 'ameukam' };

describe.each(testDatabases)('AccessRequestStore on $name', (database) => {
  let store: Store;
  let jobs: Jobs;
  let audit: AuditLog;
  let requests: AccessRequestStore;
  let woken = 0;
  const clock = new ManualClock('2022-01-19T12:00:00Z');
  beforeEach(async () => {
    store = await database.open();
    jobs = new Jobs(store.db, store.dialect);
    audit = new AuditLog(store.db);
    requests = new AccessRequestStore(store.db, createCommitTransition({ jobs, audit, clock, wake: () => void woken++ }), () => false);
  });
  afterEach(async () => {
    await store.close();
  });

  const created = (id: string) => createAccessRequest({ id, requester, value: { group, email: 'new.person@example.com', justification: 'Cost review, ten chars.' }, policy, now: clock.now() });

  it('writes the request, its audit entry and its outbox job in one commit, and wakes the runner', async () => {
    const t = created('ar-000000000001');
    expect(await requests.save(undefined, t)).toBe(true);
    expect(await requests.get('ar-000000000001')).toEqual(t.request);
    expect((await audit.list({ subject: 'access-request:ar-000000000001' })).map((e) => e.action)).toEqual(['access.requested']);
    const outbox = await jobs.get('access:ar-000000000001:effects:v1');
    expect(outbox).toMatchObject({ kind: 'access.effects', status: 'pending', payload: { requestId: 'ar-000000000001', effects: [{ type: 'post-approval-request', channel: 'wg-k8s-infra' }] } });
    expect(woken).toBeGreaterThan(0);
    // A retried submission with the same id writes nothing.
    expect(await requests.save(undefined, t)).toBe(false);
    expect(await audit.list({ subject: 'access-request:ar-000000000001' })).toHaveLength(1);
  });

  it('compare-and-set: a transition from a stale version is refused with none of its effects', async () => {
    const t = created('ar-000000000002');
    await requests.save(undefined, t);
    const approved = approveAccessRequest(t.request, approver, group.approvers, clock.now());
    expect(await requests.save(t.request, approved)).toBe(true);
    expect(await jobs.get('access:ar-000000000002:open-pr:add')).toMatchObject({ kind: 'access.open-pr', payload: { requestId: 'ar-000000000002' } });
    expect(await requests.save(t.request, { ...approved, effects: [{ type: 'open-pr', key: 'k', requestId: 'ar-000000000002', change: 'remove' }] })).toBe(false);
    expect(await jobs.get('access:ar-000000000002:open-pr:remove')).toBeUndefined();
  });

  it('completes the claimed job with the change; a lost lease rolls the change back', async () => {
    const t = created('ar-000000000003');
    await requests.save(undefined, t);
    await jobs.enqueue({ id: 'job-1', kind: 'access.open-pr', dueAt: clock.now() }, clock.now());
    const [claimed] = await jobs.claimDue('w1', clock.now(), 10, 60_000).then((all) => all.filter((j) => j.id === 'job-1'));
    const ctx = (worker: string): JobContext => ({
      job: { id: 'job-1', kind: 'access.open-pr', dueAt: claimed!.dueAt, attempts: claimed!.attempts },
      worker,
      now: clock.now(),
      complete: (trx) => jobs.complete('job-1', worker, clock.now(), trx),
      signal: new AbortController().signal,
    });
    const approved = approveAccessRequest(t.request, approver, group.approvers, clock.now());
    await expect(requests.save(t.request, approved, { job: ctx('someone-else') })).rejects.toThrow('lost the lease on job job-1');
    expect((await requests.get('ar-000000000003'))?.status).toBe('pending');
    expect(await requests.save(t.request, approved, { job: ctx('w1') })).toBe(true);
    expect(await jobs.get('job-1')).toMatchObject({ status: 'done' });
  });

  it('a transition that changes nothing writes nothing', async () => {
    const t = created('ar-000000000004');
    expect(await requests.save(undefined, { ...t, changed: false })).toBe(true);
    expect(await requests.get('ar-000000000004')).toBeUndefined();
  });
});
