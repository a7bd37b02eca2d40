import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { audit as auditEffect, schedule } from '../../../src/platform/outbox/effects.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import type { NewOverride, RotaCommit } from '../../../src/rota/ports.ts';
import type { RotaRepository } from '../../../src/rota/store/rota-repository.ts';
import { rotaStore } from '../../../src/rota/store/rota-store.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const T0 = new Date('2026-11-24T03:00:00Z');
const H = 3_600_000;
const at = (h: number) => new Date(T0.getTime() + h * H);
const SUBPROJECTS = [
  { id: 'registry', rotations: ['registry-emea', 'registry-fallback'] },
  { id: 'dns', rotations: ['dns-primary'] },
];

describe.each(testDatabases)('RotaRepository on $name', (database) => {
  let store: Store;
  let repo: RotaRepository;
  let commit: RotaCommit;
  let audit: AuditLog;
  let jobs: Jobs;
  beforeEach(async () => {
    store = await database.open();
    audit = new AuditLog(store.db);
    jobs = new Jobs(store.db, store.dialect);
    const clock = new ManualClock(T0);
    const rota = rotaStore({ db: store.db, commit: createCommitTransition({ jobs, audit, clock, wake: () => undefined }) }, SUBPROJECTS);
    repo = rota.repository;
    commit = rota.commit;
  });
  afterEach(async () => store.close());

  /** As create-override.ts writes it: the row, and only when new, its audit entry and jobs. */
  const createOverride = (o: NewOverride, now: Date, job?: { id: string; kind: string; dueAt: Date; payload: unknown }) =>
    commit(async (tx) => {
      if (!(await tx.insertOverride(o, now))) return { result: false, effects: [] };
      return { result: true, effects: [auditEffect({ at: now, actor: o.createdBy, action: 'override.created', subject: `subproject:${o.subprojectId}`, payload: { overrideId: o.id, person: o.person } }), ...(job ? [schedule(job)] : [])] };
    });

  it('stores an override once per id, with its audit entry and jobs in the same transaction', async () => {
    const o = { id: 'ovr-1', subprojectId: 'registry', person: 'hh', from: at(1), to: at(10), createdBy: 'ameukam' };
    const job = { id: 'handoff:registry:x', kind: 'rota.handoff', dueAt: at(1), payload: { subprojectId: 'registry', at: at(1).toISOString() } };
    expect(await createOverride(o, T0, job)).toBe(true);
    expect(await createOverride(o, T0, job)).toBe(false);
    const entries = await audit.list({ action: 'override.created' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'ameukam', subject: 'subproject:registry', payload: { overrideId: 'ovr-1', person: 'hh' } });
    expect((await jobs.get('handoff:registry:x'))?.status).toBe('pending');
  });

  it('rolls the row back with the transaction when a later write fails', async () => {
    const o = { id: 'ovr-2', subprojectId: 'dns', person: 'dims', from: at(1), to: at(2), createdBy: 'dims' };
    await expect(
      commit(async (tx, now) => {
        await tx.insertOverride(o, now);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await repo.forRotation('dns-primary', at(0), at(24))).overrides).toEqual([]);
  });

  it('gives each rotation the overrides of its subprojects overlapping the range, oldest first', async () => {
    await createOverride({ id: 'b', subprojectId: 'registry', person: 'hh', from: at(5), to: at(8), createdBy: 'dims' }, at(0));
    await createOverride({ id: 'a', subprojectId: 'registry', person: 'nikhita', from: at(1), to: at(3), createdBy: 'dims' }, at(1));
    await createOverride({ id: 'c', subprojectId: 'dns', person: 'dims', from: at(1), to: at(3), createdBy: 'dims' }, at(2));
    const emea = await repo.forRotation('registry-emea', at(0), at(24));
    expect(emea.overrides?.map((o) => o.id)).toEqual(['b', 'a']);
    expect((await repo.forRotation('registry-fallback', at(4), at(24))).overrides?.map((o) => o.id)).toEqual(['b']);
    expect((await repo.forRotation('dns-primary', at(0), at(24))).overrides?.map((o) => o.person)).toEqual(['dims']);
    expect((await repo.forRotation('unknown', at(0), at(24))).overrides).toEqual([]);
  });

  it('decides a swap proposal once: accepted swaps reach the engine, a second decision reports the first', async () => {
    const s = { id: 'swap-1', rotationId: 'dns-primary', requester: 'ameukam', requesterShift: at(24), counterpart: 'dims', counterpartShift: at(48) };
    const propose = () =>
      commit(async (tx, now) => {
        const inserted = await tx.insertSwap(s, now);
        return { result: inserted, effects: inserted ? [auditEffect({ at: now, actor: s.requester, action: 'swap.proposed', subject: `rotation:${s.rotationId}`, payload: { swapId: s.id } })] : [] };
      });
    const decide = (decision: 'accepted' | 'declined', now: Date) =>
      commit(async (tx) => {
        const r = await tx.decideSwap('swap-1', decision, 'dims', now);
        return { result: r, effects: r.kind === 'decided' ? [auditEffect({ at: now, actor: 'dims', action: `swap.${decision}`, subject: 'rotation:dns-primary', payload: { swapId: 'swap-1' } })] : [] };
      });
    expect(await propose()).toBe(true);
    expect(await propose()).toBe(false);
    expect((await repo.forRotation('dns-primary', at(0), at(100))).swaps).toEqual([]);
    const first = await decide('accepted', at(1));
    const second = await decide('declined', at(2));
    expect(first.kind).toBe('decided');
    expect(second).toMatchObject({ kind: 'already', swap: { status: 'accepted', decidedBy: 'dims' } });
    expect(await commit(async (tx, now) => ({ result: await tx.decideSwap('nope', 'accepted', 'dims', now), effects: [] }))).toEqual({ kind: 'not-found' });
    expect((await repo.forRotation('dns-primary', at(0), at(100))).swaps).toEqual([
      { id: 'swap-1', a: { person: 'ameukam', shiftStart: at(24) }, b: { person: 'dims', shiftStart: at(48) } },
    ]);
    expect((await audit.list({ subject: 'rotation:dns-primary' })).map((e) => e.action)).toEqual(['swap.proposed', 'swap.accepted']);
    expect(await repo.getSwap('swap-1')).toMatchObject({ status: 'accepted', requester: 'ameukam', counterpart: 'dims' });
  });

  it('records each handoff once and finds the last one before an instant', async () => {
    const record = (h: number, person: string | undefined, outcome: 'announced' | 'unchanged') =>
      commit(async (tx, now) => ({ result: await tx.recordAnnouncement({ subprojectId: 'dns', at: at(h), person, outcome }, now), effects: [] }));
    expect(await record(1, 'ameukam', 'announced')).toBe(true);
    expect(await record(1, 'ameukam', 'announced')).toBe(false);
    await record(5, undefined, 'unchanged');
    expect(await repo.lastAnnouncementBefore('dns', at(5))).toMatchObject({ person: 'ameukam', outcome: 'announced' });
    expect(await repo.lastAnnouncementBefore('dns', at(6))).toMatchObject({ person: undefined });
    expect(await repo.lastAnnouncementBefore('dns', at(1))).toBeUndefined();
    expect(await repo.announcementAt('dns', at(1))).toMatchObject({ person: 'ameukam' });
  });
});

describe.each(testDatabases)('RotaRepository shadows on $name', (database) => {
  let store: Store;
  let repo: RotaRepository;
  let commit: RotaCommit;
  beforeEach(async () => {
    store = await database.open();
    const audit = new AuditLog(store.db);
    const jobs = new Jobs(store.db, store.dialect);
    const rota = rotaStore({ db: store.db, commit: createCommitTransition({ jobs, audit, clock: new ManualClock(T0), wake: () => undefined }) }, SUBPROJECTS);
    repo = rota.repository;
    commit = rota.commit;
  });
  afterEach(async () => store.close());

  const book = (s: { key: string; rotationId: string; personId: string; from: Date; until: Date }) =>
    commit(async (tx, now) => ({ result: await tx.insertShadow({ ...s, reason: 'new owner of registry' }, now), effects: [] }));

  it('stores a shadow once per key: a second booking keeps the first period', async () => {
    expect(await book({ key: 'owners.shadow:n1:registry-emea', rotationId: 'registry-emea', personId: 'hh', from: at(0), until: at(14 * 24) })).toBe(true);
    expect(await book({ key: 'owners.shadow:n1:registry-emea', rotationId: 'registry-emea', personId: 'hh', from: at(5), until: at(30 * 24) })).toBe(false);
    expect(await repo.getShadow('owners.shadow:n1:registry-emea')).toEqual({
      key: 'owners.shadow:n1:registry-emea',
      rotationId: 'registry-emea',
      personId: 'hh',
      from: at(0),
      until: at(14 * 24),
      reason: 'new owner of registry',
    });
    expect(await repo.getShadow('nope')).toBeUndefined();
  });

  it('finds the shadows of some rotations overlapping a range, earliest first; the end is exclusive', async () => {
    await book({ key: 'b', rotationId: 'registry-fallback', personId: 'nikhita', from: at(2), until: at(10) });
    await book({ key: 'a', rotationId: 'registry-emea', personId: 'hh', from: at(1), until: at(5) });
    await book({ key: 'c', rotationId: 'dns-primary', personId: 'dims', from: at(0), until: at(48) });
    const registry = await repo.shadowsOf(['registry-emea', 'registry-fallback'], at(0), at(24));
    expect(registry.map((s) => s.key)).toEqual(['a', 'b']);
    expect((await repo.shadowsOf(['registry-emea', 'registry-fallback'], at(5), at(6))).map((s) => s.key)).toEqual(['b']);
    expect(await repo.shadowsOf(['registry-emea'], at(5), at(6))).toEqual([]);
    expect(await repo.shadowsOf(['registry-emea'], at(0), at(1))).toEqual([]);
    expect(await repo.shadowsOf([], at(0), at(100))).toEqual([]);
    expect((await repo.shadowsOf(['dns-primary'], at(47), at(47.5)))[0]).toMatchObject({ personId: 'dims', from: at(0), until: at(48) });
  });

  it('rolls a booking back with its transaction', async () => {
    await expect(
      commit(async (tx, now) => {
        await tx.insertShadow({ key: 'x', rotationId: 'dns-primary', personId: 'dims', from: at(0), until: at(1), reason: 'r' }, now);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repo.getShadow('x')).toBeUndefined();
  });
});
