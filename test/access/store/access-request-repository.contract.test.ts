import type { AccessTables } from '../../../src/access/store/tables.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessRequest } from '../../../src/access/domain/access-request.ts';
import { AccessRequestRepository } from '../../../src/access/store/access-request-repository.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

function request(id: string, changes: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id,
    status: 'pending',
    group: { emailId: 'k8s-infra-gcp-auditors@kubernetes.io', name: 'k8s-infra-gcp-auditors', file: 'groups/sig-k8s-infra/groups.yaml' },
    memberEmail: 'sj7trunks@pendulus.net',
    requester: { slackUserId: 'U0JIMANGE', github: 'jimangel', name: 'Jim Angel' },
    justification: 'GCP cost review',
    requiredApprovals: 1,
    approversAtRequest: ['ameukam', 'dims'],
    approvals: [],
    createdAt: '2022-01-19T12:00:00.000Z',
    updatedAt: '2022-01-19T12:00:00.000Z',
    version: 1,
    ...changes,
  };
}

describe.each(testDatabases)('AccessRequestRepository on $name', (database) => {
  let store: Store;
  let repo: AccessRequestRepository;
  beforeEach(async () => {
    store = await database.open();
    repo = new AccessRequestRepository(store.db);
  });
  afterEach(async () => {
    await store.close();
  });

  it('round-trips the whole request as JSON; a second insert of the same id is refused', async () => {
    const r = request('ar-1', { until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' });
    expect(await repo.insert(r)).toBe(true);
    expect(await repo.insert({ ...r, justification: 'other' })).toBe(false);
    expect(await repo.get('ar-1')).toEqual(r);
    expect(await repo.get('nope')).toBeUndefined();
  });

  it('compare-and-set on version: the stale writer loses', async () => {
    const r = request('ar-2');
    await repo.insert(r);
    const a = { ...r, status: 'approved' as const, version: 2 };
    const b = { ...r, status: 'denied' as const, version: 2 };
    expect(await repo.update(a, 1)).toBe(true);
    expect(await repo.update(b, 1)).toBe(false);
    expect((await repo.get('ar-2'))?.status).toBe('approved');
  });

  it('finds a request by its PR branch or its removal PR branch', async () => {
    const pr = { number: 7, url: 'https://github.com/kubernetes/k8s.io/pull/7', branch: 'k8s-infra-bot/access-ar-3' };
    const removal = { number: 9, url: 'https://github.com/kubernetes/k8s.io/pull/9', branch: 'k8s-infra-bot/access-ar-3-removal' };
    await repo.insert(request('ar-3', { status: 'removal_pr_opened', pullRequest: pr, removalPullRequest: removal }));
    await repo.insert(request('ar-4'));
    expect((await repo.findByBranch(pr.branch))?.id).toBe('ar-3');
    expect((await repo.findByBranch(removal.branch))?.id).toBe('ar-3');
    expect(await repo.findByBranch('k8s-infra-bot/access-unknown')).toBeUndefined();
    expect((await repo.findByPullRequestNumber(7))?.id).toBe('ar-3');
    expect((await repo.findByPullRequestNumber(9))?.id).toBe('ar-3');
    expect(await repo.findByPullRequestNumber(8)).toBeUndefined();
  });

  it('lists by requester (newest first) and by status', async () => {
    await repo.insert(request('ar-5', { createdAt: '2022-01-19T12:00:00.000Z' }));
    await repo.insert(request('ar-6', { createdAt: '2022-01-20T12:00:00.000Z', status: 'fulfilled', until: '2022-02-01', expiresAt: '2022-02-02T00:00:00.000Z' }));
    await repo.insert(request('ar-7', { requester: { slackUserId: 'U0OTHER01' }, status: 'fulfilled', until: '2022-03-01', expiresAt: '2022-03-02T00:00:00.000Z' }));
    expect((await repo.listByRequester('U0JIMANGE')).map((r) => r.id)).toEqual(['ar-6', 'ar-5']);
    expect((await repo.listByStatus(['pending'])).map((r) => r.id)).toEqual(['ar-5']);
    expect((await repo.listByStatus([])).length).toBe(0);
  });

  it('writes in a caller’s transaction: a rollback leaves nothing', async () => {
    await expect(
      store.db.withTables<AccessTables>().transaction().execute(async (trx) => {
        await repo.insert(request('ar-8'), trx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await repo.get('ar-8')).toBeUndefined();
  });
});
