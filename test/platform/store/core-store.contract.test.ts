import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../helpers/test-databases.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { claimKey } from '../../../src/platform/store/processed-keys.ts';
import { JOB_PRIORITY } from '../../../src/platform/jobs/job-priority.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { audit, cancel, schedule } from '../../../src/platform/outbox/effects.ts';

describe.each(testDatabases)('core store on $name', (database) => {
  let store: Store;
  beforeEach(async () => {
    store = await database.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('answers ping and records audit entries in order, with payloads', async () => {
    await store.ping();
    const audit = new AuditLog(store.db);
    const at = new Date('2026-11-23T10:00:00Z');
    await audit.record({ at, actor: 'U1', action: 'override.created', subject: 'rotation:dns', payload: { from: 'a' } });
    await audit.record({ at, actor: 'U2', action: 'override.deleted', subject: 'rotation:dns', payload: { n: 2 } });
    await audit.record({ at: new Date('2026-11-23T09:00:00Z'), actor: 'U3', action: 'page.created', subject: 'page:1', payload: {} });
    const all = await audit.list();
    expect(all.map((e) => e.actor)).toEqual(['U3', 'U1', 'U2']);
    const dns = await audit.list({ subject: 'rotation:dns' });
    expect(dns.map((e) => e.payload)).toEqual([{ from: 'a' }, { n: 2 }]);
    expect(dns[0]!.at.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('rolls the audit entry back with the transaction it was written in', async () => {
    const audit = new AuditLog(store.db);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await audit.record({ at: new Date(), actor: 'U1', action: 'x.y', subject: 's', payload: {} }, trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await audit.list()).toHaveLength(0);
  });

  it('schedules a job id once and hands each due job to one worker', async () => {
    const jobs = new Jobs(store.db, store.dialect);
    const t0 = new Date('2026-11-23T10:00:00Z');
    expect(await jobs.enqueue({ id: 'handoff:dns:1', kind: 'handoff', dueAt: t0, payload: { a: 1 } }, t0)).toBe(true);
    expect(await jobs.enqueue({ id: 'handoff:dns:1', kind: 'handoff', dueAt: t0, payload: { a: 2 } }, t0)).toBe(false);
    await jobs.enqueue({ id: 'later', kind: 'handoff', dueAt: new Date(t0.getTime() + 60_000) }, t0);

    const [a, b] = await Promise.all([jobs.claimDue('w1', t0, 10, 30_000), jobs.claimDue('w2', t0, 10, 30_000)]);
    const claimed = [...a, ...b];
    expect(claimed.map((j) => j.id)).toEqual(['handoff:dns:1']);
    expect(claimed[0]!.payload).toEqual({ a: 1 });
    const owner = a.length ? 'w1' : 'w2';
    const other = owner === 'w1' ? 'w2' : 'w1';
    expect(await jobs.complete('handoff:dns:1', other, t0)).toBe(false);
    expect(await jobs.complete('handoff:dns:1', owner, t0)).toBe(true);
    expect((await jobs.get('handoff:dns:1'))?.status).toBe('done');
    expect(await jobs.claimDue('w1', t0, 10, 30_000)).toEqual([]);
    expect((await jobs.nextDueAt())?.toISOString()).toBe('2026-11-23T10:01:00.000Z');
  });

  it('inserts a batch of jobs in one go: only new ids, each once, and applies a commit’s effects in order', async () => {
    const jobs = new Jobs(store.db, store.dialect);
    const t0 = new Date('2026-11-23T10:00:00Z');
    await jobs.enqueue({ id: 'old', kind: 'k', dueAt: t0 }, t0);
    const inserted = await jobs.enqueueMany(
      [
        { id: 'old', kind: 'k', dueAt: t0 },
        { id: 'new-1', kind: 'k', dueAt: t0, priority: JOB_PRIORITY.deadline },
        { id: 'new-2', kind: 'k', dueAt: t0, payload: { n: 2 } },
        { id: 'new-2', kind: 'k', dueAt: t0, payload: { n: 3 } },
      ],
      t0,
    );
    expect([...new Set(inserted.map((j) => j.id))].sort()).toEqual(['new-1', 'new-2']);
    expect((await jobs.get('new-2'))?.payload).toEqual({ n: 2 });
    const claimed = (await jobs.claimDue('w', t0, 10, 1000)).map((j) => j.id);
    expect(claimed[0]).toBe('new-1'); // the deadline job first; the two of equal priority and due time in either order
    expect(claimed.slice(1).sort()).toEqual(['new-2', 'old']);

    // Through the outbox: schedules, a cancel of one of them, then another schedule, in one transaction.
    let woken = 0;
    const commit = createCommitTransition({ jobs, audit: new AuditLog(store.db), clock: { now: () => t0 }, wake: () => woken++ });
    await commit(store.db, async () => ({
      result: undefined,
      effects: [
        schedule({ id: 'a', kind: 'k', dueAt: new Date(t0.getTime() + 1000) }),
        schedule({ id: 'b', kind: 'k', dueAt: new Date(t0.getTime() + 1000) }),
        cancel('a'),
        schedule({ id: 'a', kind: 'k', dueAt: t0 }),
        audit({ at: t0, actor: 'system', action: 'test.done', subject: 'test:1', payload: {} }),
      ],
    }));
    expect((await jobs.get('a'))?.status).toBe('cancelled');
    expect((await jobs.get('b'))?.status).toBe('pending');
    expect(woken).toBe(0); // the one due now was not inserted (its id was taken)
    expect((await new AuditLog(store.db).list({ subject: 'test:1' })).map((e) => e.action)).toEqual(['test.done']);
    await commit(store.db, async () => ({ result: undefined, effects: [schedule({ id: 'c', kind: 'k', dueAt: t0 })] }));
    expect(woken).toBe(1);
  });

  it('gives a job whose lease expired to another worker', async () => {
    const jobs = new Jobs(store.db, store.dialect);
    const t0 = new Date('2026-11-23T10:00:00Z');
    await jobs.enqueue({ id: 'j', kind: 'k', dueAt: t0 }, t0);
    expect(await jobs.claimDue('w1', t0, 10, 1000)).toHaveLength(1);
    expect(await jobs.claimDue('w2', new Date(t0.getTime() + 500), 10, 1000)).toHaveLength(0);
    const retaken = await jobs.claimDue('w2', new Date(t0.getTime() + 1500), 10, 1000);
    expect(retaken.map((j) => [j.id, j.attempts])).toEqual([['j', 2]]);
    expect(await jobs.complete('j', 'w1', t0)).toBe(false);
  });

  it('retries later, reschedules and cancels', async () => {
    const jobs = new Jobs(store.db, store.dialect);
    const t0 = new Date('2026-11-23T10:00:00Z');
    await jobs.enqueue({ id: 'r', kind: 'k', dueAt: t0 }, t0);
    await jobs.claimDue('w', t0, 1, 1000);
    await jobs.retryLater('r', 'w', new Date(t0.getTime() + 5000), 'HTTP 503', t0);
    const row = await jobs.get('r');
    expect(row?.lastError).toBe('HTTP 503');
    expect(await jobs.claimDue('w', new Date(t0.getTime() + 4000), 1, 1000)).toHaveLength(0);
    await jobs.reschedule('r', t0, t0);
    expect(await jobs.claimDue('w', new Date(t0.getTime() + 10), 1, 1000)).toHaveLength(1);
    await jobs.enqueue({ id: 'c', kind: 'k', dueAt: t0 }, t0);
    await jobs.cancel('c', t0);
    expect((await jobs.get('c'))?.status).toBe('cancelled');
  });

  it('claims a processed key once', async () => {
    const at = new Date('2026-11-23T10:00:00Z');
    expect(await claimKey(store.db, 'ack:page1:U1', at)).toBe(true);
    expect(await claimKey(store.db, 'ack:page1:U1', at)).toBe(false);
  });
});
