/** Page requests counted in the database: the limit on people not in the config holds across replicas. */
import { afterEach, describe, expect, it } from 'vitest';
import { admitPageRequest } from '../../../src/escalation/domain/page-requests.ts';
import { PageReportRepository } from '../../../src/escalation/store/page-report-repository.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { REFERENCE, minutesAfter } from '../domain/directory-fixture.ts';

const stranger = { kind: 'stranger', slackId: 'U0STRANGER' } as const;

describe.each(testDatabases)('page requests on $name', (database) => {
  let store: Store;
  afterEach(async () => store.close());

  it('counts a request once, and limits a reporter across two repositories (two replicas) sharing the database', async () => {
    store = await database.open();
    const replicaA = new PageReportRepository(store.db, store.dialect);
    const replicaB = new PageReportRepository(store.db, store.dialect);
    const admit = (repo: PageReportRepository, key: string, at: Date) =>
      repo.admit({ key, reporter: 'U0STRANGER', subprojectId: 'registry' }, at, (recent) => admitPageRequest(stranger, recent, 3, at));
    expect(await admit(replicaA, 'k1', REFERENCE)).toEqual({ kind: 'new' });
    expect(await admit(replicaB, 'k1', REFERENCE)).toEqual({ kind: 'seen' });
    await replicaA.settle('k1', 'registry-1', 'raised');
    expect(await admit(replicaB, 'k1', REFERENCE)).toEqual({ kind: 'seen', pageId: 'registry-1', outcome: 'raised' });
    // Five requests at once from two replicas: exactly two more get through.
    const at = minutesAfter(REFERENCE, 1);
    const results = await Promise.all(['k2', 'k3', 'k4', 'k5', 'k6'].map((k, i) => admit(i % 2 ? replicaA : replicaB, k, at)));
    expect(results.filter((r) => r.kind === 'new')).toHaveLength(2);
    expect(results.filter((r) => r.kind === 'limited')).toHaveLength(3);
    // An hour after the first, one slot is free again.
    expect((await admit(replicaA, 'k7', minutesAfter(REFERENCE, 60.5))).kind).toBe('new');
  });
});
