import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { declareIncident, postUpdate } from '../../../src/incidents/domain/incident-lifecycle.ts';
import type { Incident, TimelineEntry } from '../../../src/incidents/domain/incident.ts';
import type { IncidentStore } from '../../../src/incidents/ports/incident-store.ts';
import { sqlIncidentStore } from '../../../src/incidents/store/sql-incident-store.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { audit, schedule } from '../../../src/platform/outbox/effects.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { MemoryIncidentStore } from '../helpers/memory-incident-store.ts';

const t0 = new Date('2026-11-24T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

interface Rig {
  store: IncidentStore;
  jobIds(): Promise<string[]>;
  auditActions(): Promise<string[]>;
  completions(): number;
  close(): Promise<void>;
}

/** The SQL store on each database, and the in-memory one the use-case tests run on: the same contract. */
const rigs: { name: string; open(): Promise<Rig> }[] = [
  ...testDatabases.map((database) => ({
    name: database.name,
    async open(): Promise<Rig> {
      const db = await database.open();
      const jobs = new Jobs(db.db, db.dialect);
      const auditLog = new AuditLog(db.db);
      let completions = 0;
      const commit = createCommitTransition({ jobs, audit: auditLog, clock: new ManualClock(t0), wake: () => undefined });
      const store = sqlIncidentStore(db.db, commit);
      const counting: IncidentStore = { ...store, record: (id, work) => store.record(id, work.complete ? { ...work, complete: async () => ++completions > 0 } : work) };
      return {
        store: counting,
        jobIds: async () => (await db.db.selectFrom('jobs').select('id').orderBy('id').execute()).map((r) => r.id),
        auditActions: async () => (await auditLog.list()).map((a) => a.action),
        completions: () => completions,
        close: () => db.close(),
      };
    },
  })),
  {
    name: 'memory',
    async open(): Promise<Rig> {
      const store = new MemoryIncidentStore();
      return {
        store,
        jobIds: async () => store.jobs().map((j) => j.id).sort(),
        auditActions: async () => store.audits().map((a) => a.action),
        completions: () => store.completions,
        close: async () => undefined,
      };
    },
  },
];

function declared(): { incident: Incident; entries: TimelineEntry[] } {
  return declareIncident({ id: 'inc-1', title: 'DNS broken', severity: 'SEV3', services: ['dns'], description: 'd', commander: 'U1', declarer: 'U1', page: false }, t0);
}

const job = (id: string) => schedule({ id, kind: 'incident.setup', dueAt: t0, payload: { incidentId: 'inc-1' } });
const entry = (ms: number, text: string): TimelineEntry => ({ at: at(ms), kind: 'note', actor: 'system', text });

describe.each(rigs)('IncidentStore on $name', (rig) => {
  let open: Rig | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('declares once, with its entries and effects, and reads back what it wrote', async () => {
    open = await rig.open();
    const { incident, entries } = declared();
    expect(await open.store.declare(incident, entries, [job('incident-setup:inc-1'), audit({ at: t0, actor: 'U1', action: 'incident.declared', subject: 'incident:inc-1', payload: {} })])).toBe(true);
    expect(await open.store.declare(incident, entries, [job('incident-setup:again')])).toBe(false);
    expect(await open.store.get('inc-1')).toEqual(incident);
    expect(await open.store.timeline('inc-1')).toEqual(entries);
    expect(await open.jobIds()).toEqual(['incident-setup:inc-1']);
    expect(await open.auditActions()).toEqual(['incident.declared']);
    expect((await open.store.listOpen()).map((i) => i.id)).toEqual(['inc-1']);
  });

  it('saves a transition once per key, refuses a stale one, and a duplicate entry writes nothing', async () => {
    open = await rig.open();
    const { incident, entries } = declared();
    await open.store.declare(incident, entries, []);
    const a = postUpdate(incident, { status: 'identified', message: 'a', by: 'U1' }, at(60_000));
    const b = postUpdate(incident, { status: 'monitoring', message: 'b', by: 'U2' }, at(61_000));
    if (!a.ok || !b.ok) throw new Error('transitions refused');
    const write = { key: 'k1', before: incident, after: a.incident, entries: a.entries, effects: [job('comment-a')] };
    expect(await open.store.saveTransition(write)).toBe('saved');
    expect(await open.store.saveTransition(write)).toBe('already-done');
    expect(await open.store.saveTransition({ key: 'k2', before: incident, after: b.incident, entries: b.entries, effects: [job('comment-b')] })).toBe('conflict');
    expect((await open.store.get('inc-1'))?.status).toBe('identified');

    const now = a.incident;
    const pin = (key: string) => ({ key, before: now, after: now, entries: [entry(62_000, 'pinned')], dedupKey: 'pin:1', effects: [job(`pin-${key}`)] });
    expect(await open.store.saveTransition(pin('p1'))).toBe('saved');
    expect(await open.store.saveTransition(pin('p2'))).toBe('duplicate-entry');
    // The refused key was not claimed: it rolled back with the rest.
    expect(await open.store.saveTransition({ ...pin('p2'), dedupKey: 'pin:2' })).toBe('saved');
    expect(await open.jobIds()).toEqual(['comment-a', 'pin-p1', 'pin-p2']);
  });

  it('records the bot’s work: links and effects always, an entry once per key, the job’s completion with it', async () => {
    open = await rig.open();
    const { incident, entries } = declared();
    await open.store.declare(incident, entries, []);
    const work = { links: { channelId: 'C1', channelName: 'inc-20261124-dns-broken', pages: { dns: 'p-1' } }, entry: entry(1000, 'Channel <#C1> created'), dedupKey: 'channel' };
    expect(await open.store.record('inc-1', work)).toBe(true);
    expect(await open.store.record('inc-1', { ...work, links: { issueNumber: 7, issueUrl: 'u' }, effects: [job('later')], complete: async () => true })).toBe(false);
    expect(await open.store.record('inc-1', { links: { summaryTs: '1.2' } })).toBe(true);
    expect(await open.store.byChannel('C1')).toMatchObject({ id: 'inc-1', pages: { dns: 'p-1' }, issueNumber: 7, summaryTs: '1.2' });
    expect((await open.store.timeline('inc-1')).map((e) => e.text)).toEqual([entries[0]?.text, 'Channel <#C1> created']);
    expect(await open.jobIds()).toEqual(['later']);
    expect(open.completions()).toBe(1);
  });
});
