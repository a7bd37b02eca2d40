import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../helpers/test-databases.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { claimKey } from '../../../src/platform/store/processed-keys.ts';

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
