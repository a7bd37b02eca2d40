/**
 * The PageStore contract, on the Kysely repository (SQLite and PostgreSQL) and on the in-memory
 * store the use-case tests run on, so those tests stand for the real thing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { acknowledge, fireStep, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { shouldDeliver } from '../../../src/escalation/domain/effects.ts';
import type { PageStore } from '../../../src/escalation/ports/page-store.ts';
import { PageRepository } from '../../../src/escalation/store/page-repository.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { InMemoryPages, TWO_STEPS } from '../in-memory-paging.ts';

const dir = directory({ primary: 'priya', owners: ['sam'] });
const opened = (id = 'page-1', at = REFERENCE) => startPage({ id, subprojectId: 'registry', severity: 'warning', summary: 's', createdBy: 'nina', policy: TWO_STEPS, usePager: false }, at, dir);
const CREATED = { actor: 'nina', action: 'page.created' };

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
});

const subjects: { name: string; open(): Promise<PageStore> }[] = [
  { name: 'in memory', open: async () => new InMemoryPages() },
  ...testDatabases.map((database) => ({
    name: `the repository on ${database.name}`,
    async open() {
      const store = await database.open();
      stores.push(store);
      const commit = createCommitTransition({ jobs: new Jobs(store.db, store.dialect), audit: new AuditLog(store.db), clock: new ManualClock(REFERENCE), wake: () => undefined });
      return new PageRepository(store.db, store.dialect, commit);
    },
  })),
];

describe.each(subjects)('the page store, $name', (subject) => {
  it('creates a page once per id and lists open pages newest first', async () => {
    const pages = await subject.open();
    expect(await pages.create(opened('page-1'), REFERENCE, CREATED)).toBe(true);
    expect(await pages.create(opened('page-1'), REFERENCE, CREATED)).toBe(false);
    await pages.create(opened('page-2', minutesAfter(REFERENCE, 1)), minutesAfter(REFERENCE, 1), CREATED);
    expect((await pages.load('page-1'))?.status).toBe('triggered');
    expect(await pages.load('page-0')).toBeUndefined();
    expect((await pages.listOpen()).map((p) => p.id)).toEqual(['page-2', 'page-1']);
  });

  it('writes a change with its new version, and nothing when the version did not move', async () => {
    const pages = await subject.open();
    await pages.create(opened(), REFERENCE, CREATED);
    const at = minutesAfter(REFERENCE, 5);
    let calls = 0;
    const out = await pages.transition('page-1', at, (s) => (calls++, fireStep(s, at, dir, { stepSeq: 1 })));
    expect(out).toMatchObject({ committed: true, before: { version: 1 }, result: { state: { version: 2, stepIndex: 1 } } });
    // The same job again: nothing to write.
    const again = await pages.transition('page-1', at, (s) => fireStep(s, at, dir, { stepSeq: 1 }));
    expect(again?.committed).toBe(false);
    expect(calls).toBe(1);
    expect(await pages.transition('page-0', at, (s) => acknowledge(s, 'x', at))).toBeUndefined();
  });

  it('delivers a queued notification once, and drops one whose page was acknowledged', async () => {
    const pages = await subject.open();
    const t = opened();
    await pages.create(t, REFERENCE, CREATED);
    const first = t.effects.find((e) => e.kind === 'notify')!;
    expect((await pages.outboxEntry(first.key))?.effect.personId).toBe('priya');
    const send = async () => ({ channel: 'D1', ts: '1.0' });
    expect(await pages.deliver(first.key, REFERENCE, { wanted: shouldDeliver, send })).toBe('sent');
    expect(await pages.deliver(first.key, REFERENCE, { wanted: shouldDeliver, send })).toBe('settled-before');
    expect(await pages.messages('page-1')).toEqual([{ pageId: 'page-1', channel: 'D1', ts: '1.0', kind: 'dm', personId: 'priya' }]);

    const at = minutesAfter(REFERENCE, 5);
    const step = await pages.transition('page-1', at, (s) => fireStep(s, at, dir, { stepSeq: 1 }));
    await pages.transition('page-1', at, (s) => acknowledge(s, 'priya', at));
    const second = step!.result.effects.find((e) => e.kind === 'notify')!;
    expect(await pages.deliver(second.key, at, { wanted: shouldDeliver, send })).toBe('dropped');
    expect(await pages.outboxEntry(second.key)).toMatchObject({ sentAt: null, droppedAt: at.getTime() });
    expect(await pages.deliver('page-1:notify:9:9:nobody', at, { wanted: shouldDeliver, send })).toBe('no-page');
  });

  it('keeps a notification queued when its send fails', async () => {
    const pages = await subject.open();
    const t = opened();
    await pages.create(t, REFERENCE, CREATED);
    const key = t.effects.find((e) => e.kind === 'notify')!.key;
    await expect(pages.deliver(key, REFERENCE, { wanted: shouldDeliver, send: () => Promise.reject(new Error('slack is down')) })).rejects.toThrow('slack is down');
    expect(await pages.outboxEntry(key)).toMatchObject({ sentAt: null, droppedAt: null });
    expect(await pages.messages('page-1')).toEqual([]);
  });

  it('hands out each timeline entry to one sync only, and keeps messages once', async () => {
    const pages = await subject.open();
    await pages.create(opened(), REFERENCE, CREATED);
    expect(await pages.timelinePosted('page-1')).toBe(0);
    expect(await pages.claimTimeline('page-1', 0, 3)).toBe(true);
    expect(await pages.claimTimeline('page-1', 0, 3)).toBe(false);
    expect(await pages.timelinePosted('page-1')).toBe(3);
    const m = { pageId: 'page-1', channel: 'C1', ts: '1.0', kind: 'channel' as const, personId: null };
    await pages.addMessage(m, REFERENCE);
    await pages.addMessage(m, REFERENCE);
    expect(await pages.messages('page-1')).toEqual([m]);
  });
});
