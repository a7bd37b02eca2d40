/**
 * The PageStore contract, on the Kysely repository (SQLite and PostgreSQL) and on the in-memory
 * store the use-case tests run on, so those tests stand for the real thing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { acknowledge, fireStep, resolve, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { shouldDeliver } from '../../../src/escalation/domain/effects.ts';
import type { PageStore } from '../../../src/escalation/ports/page-store.ts';
import { PageRepository, SENDING_FENCE_MS } from '../../../src/escalation/store/page-repository.ts';
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

  it('raises a page unless its subproject has one open, and names that one instead', async () => {
    const pages = await subject.open();
    expect(await pages.createUnlessOpen(opened('page-1'), REFERENCE, CREATED)).toEqual({ kind: 'created' });
    expect(await pages.createUnlessOpen(opened('page-1'), REFERENCE, CREATED)).toEqual({ kind: 'exists' });
    expect(await pages.createUnlessOpen(opened('page-2'), REFERENCE, CREATED)).toEqual({ kind: 'open', pageId: 'page-1' });
    expect(await pages.load('page-2')).toBeUndefined();
    const at = minutesAfter(REFERENCE, 1);
    await pages.transition('page-1', at, (s) => resolve(s, 'sam', at));
    expect(await pages.createUnlessOpen(opened('page-2'), at, CREATED)).toEqual({ kind: 'created' });
  });

  it('delivers a queued notification in two short steps: decided and marked sending, then recorded once', async () => {
    const pages = await subject.open();
    const t = opened();
    await pages.create(t, REFERENCE, CREATED);
    const first = t.effects.find((e) => e.kind === 'notify')!;
    expect((await pages.outboxEntry(first.key))?.effect.personId).toBe('priya');
    expect(await pages.beginDelivery(first.key, REFERENCE, shouldDeliver, 'run-1')).toMatchObject({ kind: 'send', resumed: false, effect: { personId: 'priya' }, page: { id: 'page-1' } });
    expect(await pages.outboxEntry(first.key)).toMatchObject({ sendingAt: REFERENCE.getTime(), sentAt: null });
    // A second run of the job (its lease was lost) while the first is sending: it waits.
    expect(await pages.beginDelivery(first.key, REFERENCE, shouldDeliver, 'run-2')).toEqual({ kind: 'busy' });
    // The send failed: the first run lifts its fence, and the retry knows an earlier attempt got this far.
    await pages.releaseDelivery(first.key, 'run-1');
    expect(await pages.beginDelivery(first.key, REFERENCE, shouldDeliver, 'run-2')).toMatchObject({ kind: 'send', resumed: true });
    // A run that died holding the fence is taken over once the fence has expired.
    const later = new Date(REFERENCE.getTime() + SENDING_FENCE_MS + 1);
    expect(await pages.beginDelivery(first.key, new Date(REFERENCE.getTime() + 1000), shouldDeliver, 'run-3')).toEqual({ kind: 'busy' });
    expect(await pages.beginDelivery(first.key, later, shouldDeliver, 'run-3')).toMatchObject({ kind: 'send', resumed: true });
    expect(await pages.finishDelivery(first.key, { channel: 'D1', ts: '1.0' }, REFERENCE)).toMatchObject({ id: 'page-1', status: 'triggered' });
    expect(await pages.beginDelivery(first.key, REFERENCE, shouldDeliver, 'run-1')).toEqual({ kind: 'settled-before' });
    expect(await pages.messages('page-1')).toEqual([{ pageId: 'page-1', channel: 'D1', ts: '1.0', kind: 'dm', personId: 'priya' }]);
    expect(await pages.beginDelivery('page-1:notify:9:9:nobody', REFERENCE, shouldDeliver, 'run-1')).toEqual({ kind: 'no-page' });
  });

  it('drops a notification whose page was acknowledged before it was sent, and answers "uncertain" when an earlier attempt was sending', async () => {
    const pages = await subject.open();
    await pages.create(opened(), REFERENCE, CREATED);
    const at = minutesAfter(REFERENCE, 5);
    const step = await pages.transition('page-1', at, (s) => fireStep(s, at, dir, { stepSeq: 1 }));
    const [sam] = step!.result.effects.filter((e) => e.kind === 'notify');
    expect(await pages.beginDelivery(sam!.key, at, shouldDeliver, 'run-1')).toMatchObject({ kind: 'send', resumed: false });
    await pages.transition('page-1', at, (s) => acknowledge(s, 'priya', at));
    expect(await pages.beginDelivery(sam!.key, at, shouldDeliver, 'run-1')).toMatchObject({ kind: 'uncertain', effect: { personId: 'sam' }, page: { status: 'acknowledged' } });
    await pages.dropDelivery(sam!.key, at);
    expect(await pages.outboxEntry(sam!.key)).toMatchObject({ sentAt: null, droppedAt: at.getTime() });

    const again = await subject.open();
    const t = opened();
    await again.create(t, REFERENCE, CREATED);
    await again.transition('page-1', at, (s) => acknowledge(s, 'priya', at));
    const key = t.effects.find((e) => e.kind === 'notify')!.key;
    expect(await again.beginDelivery(key, at, shouldDeliver, 'run-1')).toMatchObject({ kind: 'dropped', effect: { personId: 'priya' } });
    expect(await again.outboxEntry(key)).toMatchObject({ sendingAt: null, droppedAt: at.getTime() });
  });

  it('answers the page as it is when a DM is recorded after an acknowledgement committed', async () => {
    const pages = await subject.open();
    const t = opened();
    await pages.create(t, REFERENCE, CREATED);
    const key = t.effects.find((e) => e.kind === 'notify')!.key;
    await pages.beginDelivery(key, REFERENCE, shouldDeliver, 'run-1');
    const at = minutesAfter(REFERENCE, 1);
    await pages.transition('page-1', at, (s) => acknowledge(s, 'priya', at));
    expect(await pages.finishDelivery(key, { channel: 'D1', ts: '1.0' }, at)).toMatchObject({ status: 'acknowledged' });
    expect(await pages.outboxEntry(key)).toMatchObject({ sentAt: at.getTime() });
  });

  it('hands timeline entries to one thread delivery at a time, in order, and keeps messages once', async () => {
    const pages = await subject.open();
    const t = opened();
    await pages.create(t, REFERENCE, CREATED);
    const n = t.state.timeline.length;
    expect(await pages.timelineCursor('page-1')).toEqual({ posted: 0, scheduled: 0 });
    expect(await pages.queueTimeline('page-1', REFERENCE)).toEqual({ pageId: 'page-1', from: 0, to: n });
    expect(await pages.queueTimeline('page-1', REFERENCE)).toBeUndefined();
    const at = minutesAfter(REFERENCE, 1);
    await pages.transition('page-1', at, (s) => acknowledge(s, 'priya', at));
    // A batch is in flight: the new entry waits for it.
    expect(await pages.queueTimeline('page-1', at)).toBeUndefined();
    expect(await pages.timelineDelivered({ pageId: 'page-1', from: 0, to: n }, at)).toEqual({ pageId: 'page-1', from: n, to: n + 1 });
    expect(await pages.timelineDelivered({ pageId: 'page-1', from: 0, to: n }, at)).toBeUndefined();
    expect(await pages.timelineCursor('page-1')).toEqual({ posted: n, scheduled: n + 1 });
    expect(await pages.timelineDelivered({ pageId: 'page-1', from: n, to: n + 1 }, at)).toBeUndefined();
    expect(await pages.timelineCursor('page-1')).toEqual({ posted: n + 1, scheduled: n + 1 });
    const m = { pageId: 'page-1', channel: 'C1', ts: '1.0', kind: 'channel' as const, personId: null };
    await pages.addMessage(m, REFERENCE);
    await pages.addMessage(m, REFERENCE);
    expect(await pages.messages('page-1')).toEqual([m]);
  });
});
