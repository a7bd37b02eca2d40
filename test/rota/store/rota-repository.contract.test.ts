import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { RotaRepository, subprojectsOfRotation } from '../../../src/rota/store/rota-repository.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const T0 = new Date('2026-11-24T03:00:00Z');
const H = 3_600_000;
const at = (h: number) => new Date(T0.getTime() + h * H);

describe.each(testDatabases)('RotaRepository on $name', (database) => {
  let store: Store;
  let repo: RotaRepository;
  let audit: AuditLog;
  let jobs: Jobs;
  beforeEach(async () => {
    store = await database.open();
    audit = new AuditLog(store.db);
    jobs = new Jobs(store.db, store.dialect);
    repo = new RotaRepository(store.db, audit, jobs, subprojectsOfRotation([{ id: 'registry', rotations: ['registry-emea', 'registry-fallback'] }, { id: 'dns', rotations: ['dns-primary'] }]));
  });
  afterEach(async () => store.close());

  it('stores an override once per id, with its audit entry and jobs in the same transaction', async () => {
    const o = { id: 'ovr-1', subprojectId: 'registry', person: 'hh', from: at(1), to: at(10), createdBy: 'ameukam' };
    const job = { id: 'handoff:registry:x', kind: 'rota.handoff', dueAt: at(1), payload: { subprojectId: 'registry', at: at(1).toISOString() } };
    expect(await repo.createOverride(o, T0, [job])).toBe(true);
    expect(await repo.createOverride(o, T0, [job])).toBe(false);
    const entries = await audit.list({ action: 'override.created' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'ameukam', subject: 'subproject:registry', payload: { overrideId: 'ovr-1', person: 'hh' } });
    expect((await jobs.get('handoff:registry:x'))?.status).toBe('pending');
  });

  it('gives each rotation the overrides of its subprojects overlapping the range, oldest first', async () => {
    await repo.createOverride({ id: 'b', subprojectId: 'registry', person: 'hh', from: at(5), to: at(8), createdBy: 'dims' }, at(0));
    await repo.createOverride({ id: 'a', subprojectId: 'registry', person: 'nikhita', from: at(1), to: at(3), createdBy: 'dims' }, at(1));
    await repo.createOverride({ id: 'c', subprojectId: 'dns', person: 'dims', from: at(1), to: at(3), createdBy: 'dims' }, at(2));
    const emea = await repo.forRotation('registry-emea', at(0), at(24));
    expect(emea.overrides?.map((o) => o.id)).toEqual(['b', 'a']);
    expect((await repo.forRotation('registry-fallback', at(4), at(24))).overrides?.map((o) => o.id)).toEqual(['b']);
    expect((await repo.forRotation('dns-primary', at(0), at(24))).overrides?.map((o) => o.person)).toEqual(['dims']);
    expect((await repo.forRotation('unknown', at(0), at(24))).overrides).toEqual([]);
  });

  it('decides a swap proposal once: accepted swaps reach the engine, a second decision reports the first', async () => {
    const s = { id: 'swap-1', rotationId: 'dns-primary', requester: 'ameukam', requesterShift: at(24), counterpart: 'dims', counterpartShift: at(48) };
    expect(await repo.proposeSwap(s, T0)).toBe(true);
    expect(await repo.proposeSwap(s, T0)).toBe(false);
    expect((await repo.forRotation('dns-primary', at(0), at(100))).swaps).toEqual([]);
    const first = await repo.decideSwap('swap-1', 'accepted', 'dims', at(1));
    const second = await repo.decideSwap('swap-1', 'declined', 'dims', at(2));
    expect(first.kind).toBe('decided');
    expect(second).toMatchObject({ kind: 'already', swap: { status: 'accepted', decidedBy: 'dims' } });
    expect(await repo.decideSwap('nope', 'accepted', 'dims', at(2))).toEqual({ kind: 'not-found' });
    expect((await repo.forRotation('dns-primary', at(0), at(100))).swaps).toEqual([
      { id: 'swap-1', a: { person: 'ameukam', shiftStart: at(24) }, b: { person: 'dims', shiftStart: at(48) } },
    ]);
    expect((await audit.list({ subject: 'rotation:dns-primary' })).map((e) => e.action)).toEqual(['swap.proposed', 'swap.accepted']);
  });

  it('records each handoff once and finds the last one before an instant', async () => {
    expect(await repo.recordAnnouncement({ subprojectId: 'dns', at: at(1), person: 'ameukam', outcome: 'announced' }, at(1))).toBe(true);
    expect(await repo.recordAnnouncement({ subprojectId: 'dns', at: at(1), person: 'ameukam', outcome: 'announced' }, at(1))).toBe(false);
    await repo.recordAnnouncement({ subprojectId: 'dns', at: at(5), person: undefined, outcome: 'unchanged' }, at(5));
    expect(await repo.lastAnnouncementBefore('dns', at(5))).toMatchObject({ person: 'ameukam', outcome: 'announced' });
    expect(await repo.lastAnnouncementBefore('dns', at(6))).toMatchObject({ person: undefined });
    expect(await repo.lastAnnouncementBefore('dns', at(1))).toBeUndefined();
    expect(await repo.announcementAt('dns', at(1))).toMatchObject({ person: 'ameukam' });
  });
});
