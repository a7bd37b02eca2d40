import { afterEach, describe, expect, it } from 'vitest';
import type { Change, Review } from '../../../src/changes/domain/change.ts';
import { sqlChangeStore } from '../../../src/changes/store/sql-change-store.ts';
import { ChangeRepository } from '../../../src/changes/store/change-repository.ts';
import { ManualClock } from '../../../src/core/clock.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { audit, schedule } from '../../../src/platform/outbox/effects.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { announced, T0 } from '../helpers/change-fixtures.ts';

describe.each(testDatabases)('the change store on $name', (database) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  async function open() {
    store = await database.open();
    const clock = new ManualClock(T0);
    const jobs = new Jobs(store.db, store.dialect);
    const auditLog = new AuditLog(store.db);
    const changes = sqlChangeStore(store.db, createCommitTransition({ jobs, audit: auditLog, clock, wake: () => undefined }));
    return { changes, jobs, auditLog, repo: new ChangeRepository(store.db) };
  }

  it('creates once with its effects, and round-trips every field', async () => {
    const { changes, jobs, auditLog } = await open();
    const change: Change = { ...announced(), pr: { repo: 'kubernetes/k8s.io', number: 7, url: 'https://github.com/kubernetes/k8s.io/pull/7' }, message: { channel: 'C1', ts: '1.2', permalink: null } };
    const effects = [schedule({ id: 'job-1', kind: 'k', dueAt: T0 }), audit({ at: T0, actor: 'U1', action: 'change.announced', subject: `change:${change.id}`, payload: {} })];
    expect(await changes.create(change, effects)).toBe(true);
    expect(await changes.create(change, effects)).toBe(false);
    expect(await changes.get(change.id)).toEqual({ change, reviews: [] });
    expect((await jobs.get('job-1'))?.status).toBe('pending');
    expect(await auditLog.list({ subject: `change:${change.id}` })).toHaveLength(1);
  });

  it('writes only on the version it read (a concurrent write loses), and once per Slack key', async () => {
    const { changes } = await open();
    const change = announced();
    await changes.create(change, []);
    const a = await changes.save({ before: change, after: { ...change, title: 'A' }, effects: [] });
    expect(a).toMatchObject({ saved: { title: 'A', version: 2 } });
    expect(await changes.save({ before: change, after: { ...change, title: 'B' }, effects: [] })).toBe('conflict');
    const current = (await changes.get(change.id))!.change;
    expect(await changes.save({ key: 'click-1', before: current, after: { ...current, title: 'C' }, effects: [] })).toMatchObject({ saved: { version: 3 } });
    const again = (await changes.get(change.id))!.change;
    expect(await changes.save({ key: 'click-1', before: again, after: { ...again, title: 'D' }, effects: [] })).toBe('already-done');
    expect((await changes.get(change.id))!.change.title).toBe('C');
  });

  it('keeps one review per person, the latest', async () => {
    const { changes } = await open();
    const change = announced();
    await changes.create(change, []);
    const review = (verdict: Review['verdict'], at: Date): Review => ({ reviewer: 'U0JIMANGE', verdict, reason: verdict === 'object' ? 'no' : '', at, source: 'slack' });
    let current = change;
    for (const [i, verdict] of (['object', 'approve'] as const).entries()) {
      const r = await changes.save({ before: current, after: current, review: review(verdict, new Date(T0.getTime() + i)), effects: [] });
      if (typeof r !== 'object') throw new Error('not saved');
      current = r.saved;
    }
    expect((await changes.get(change.id))!.reviews).toEqual([review('approve', new Date(T0.getTime() + 1))]);
  });

  it('finds changes by their issue or PR, lists the open ones, and searches the decisions', async () => {
    const { changes } = await open();
    const a: Change = { ...announced(), id: 'chg-0000000a', title: 'Registry region', pr: { repo: 'kubernetes/k8s.io', number: 7, url: 'https://github.com/kubernetes/k8s.io/pull/7' }, lazy: { ...announced().lazy!, issue: { number: 8, url: 'https://github.com/kubernetes/k8s.io/issues/8' } } };
    const b: Change = { ...announced(), id: 'chg-0000000b', title: '100% of DNS_zones', state: 'done', decidedAt: new Date('2026-05-02T00:00:00Z') };
    const c: Change = { ...announced(), id: 'chg-0000000c', title: 'Cluster upgrade', state: 'cleared', decidedAt: new Date('2026-05-03T00:00:00Z') };
    for (const x of [a, b, c]) await changes.create(x, []);
    expect((await changes.byGithub('Kubernetes/K8s.io', 8)).map((x) => x.id)).toEqual(['chg-0000000a']);
    expect((await changes.byGithub('kubernetes/k8s.io', 7)).map((x) => x.id)).toEqual(['chg-0000000a']);
    expect(await changes.byGithub('kubernetes/other', 7)).toEqual([]);
    expect((await changes.listOpen()).map((x) => x.id)).toEqual(['chg-0000000a', 'chg-0000000c']);
    expect((await changes.decisions('', 10)).map((x) => x.id)).toEqual(['chg-0000000c', 'chg-0000000b']);
    // Every word must match; % and _ are literal.
    expect((await changes.decisions('100% dns_zones', 10)).map((x) => x.id)).toEqual(['chg-0000000b']);
    expect(await changes.decisions('1%0', 10)).toEqual([]);
    expect(await changes.decisions('d_s', 10)).toEqual([]);
  });

  it('refuses to read a stored change that does not match its schema', async () => {
    const { changes, repo } = await open();
    const change = announced();
    await changes.create(change, []);
    await repo.db.updateTable('changes').set({ data: JSON.stringify({ ...change, tier: 'extreme' }) }).where('id', '=', change.id).execute();
    await expect(changes.get(change.id)).rejects.toThrow(/tier/);
  });
});
