/** What only the database repository does: the jobs and audit entries a page change writes, through the platform. */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.ts';
import { acknowledge, escalateNow, fireStep, startPage } from '../../../src/escalation/domain/escalation-engine.ts';
import { PageRepository } from '../../../src/escalation/store/page-repository.ts';
import type { JobContext } from '../../../src/platform/jobs/define-job.ts';
import { Jobs } from '../../../src/platform/jobs/jobs.ts';
import { createCommitTransition } from '../../../src/platform/outbox/commit-transition.ts';
import { AuditLog } from '../../../src/platform/store/audit-log.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';
import { REFERENCE, directory, minutesAfter } from '../domain/directory-fixture.ts';
import { TWO_STEPS } from '../in-memory-paging.ts';

const dir = directory({ primary: 'priya', owners: ['sam'] });

describe.each(testDatabases)('the page repository on $name', (database) => {
  let store: Store;
  afterEach(async () => store.close());

  async function repository() {
    store = await database.open();
    const jobs = new Jobs(store.db, store.dialect);
    const audit = new AuditLog(store.db);
    let woken = 0;
    const commit = createCommitTransition({ jobs, audit, clock: new ManualClock(REFERENCE), wake: () => woken++ });
    return { pages: new PageRepository(store.db, store.dialect, commit), jobs, audit, woken: () => woken };
  }

  async function jobRows(store: Store) {
    const rows = await store.db.selectFrom('jobs').select(['id', 'kind', 'status', 'payload']).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, payload: JSON.parse(r.payload) as unknown }));
  }

  it('writes a new page’s jobs (post, DM, step, pager, sync) and its audit entry with it', async () => {
    const { pages, audit, woken } = await repository();
    const t = startPage({ id: 'page-1', subprojectId: 'registry', severity: 'warning', summary: 's', createdBy: 'nina', policy: TWO_STEPS }, REFERENCE, dir);
    await pages.create(t, REFERENCE, { actor: 'nina', action: 'page.created', payload: { policy: 'two-steps' } });
    expect((await jobRows(store)).map((j) => `${j.kind} ${j.id} ${j.status}`)).toEqual([
      'page-step page-1:step:1 pending',
      'page-notify page-notify:page-1:notify:1:1:priya pending',
      'page-pager page-pager:page-1:pager:trigger:1 pending',
      'page-post page-post:page-1 pending',
      'page-sync page-sync:page-1:1 pending',
    ]);
    expect((await jobRows(store)).find((j) => j.kind === 'page-step')?.payload).toEqual({ pageId: 'page-1', stepSeq: 1 });
    expect(await audit.list({ subject: 'page:page-1' })).toMatchObject([{ actor: 'nina', action: 'page.created', payload: { policy: 'two-steps' } }]);
    expect(woken()).toBe(1);
  });

  it('cancels every pending step job of a page when it is acknowledged, the one "Escalate now" left stale included', async () => {
    const { pages } = await repository();
    const t = startPage({ id: 'page-1', subprojectId: 'registry', severity: 'warning', summary: 's', createdBy: 'nina', policy: { ...TWO_STEPS, steps: [...TWO_STEPS.steps, { targets: ['leads'], delayMinutes: 5 }] }, usePager: false }, REFERENCE, dir);
    await pages.create(t, REFERENCE, { actor: 'nina', action: 'page.created' });
    const at = minutesAfter(REFERENCE, 1);
    await pages.transition('page-1', at, (s) => {
      const r = escalateNow(s, at, dir, 'nina');
      if (r.kind !== 'escalated') throw new Error(r.message);
      return r;
    });
    const steps = async () => (await jobRows(store)).filter((j) => j.kind === 'page-step').map((j) => `${j.id} ${j.status}`);
    expect(await steps()).toEqual(['page-1:step:1 pending', 'page-1:step:2 pending']);
    await pages.transition('page-1', at, (s) => acknowledge(s, 'priya', at));
    expect(await steps()).toEqual(['page-1:step:1 cancelled', 'page-1:step:2 cancelled']);
  });

  it('completes the job that caused a change in the change’s transaction, and rolls both back together', async () => {
    const { pages, jobs } = await repository();
    const t = startPage({ id: 'page-1', subprojectId: 'registry', severity: 'warning', summary: 's', createdBy: 'nina', policy: TWO_STEPS, usePager: false }, REFERENCE, dir);
    await pages.create(t, REFERENCE, { actor: 'nina', action: 'page.created' });
    const at = minutesAfter(REFERENCE, 5);
    const [claimed] = (await jobs.claimDue('w', at, 10, 60_000)).filter((j) => j.id === 'page-1:step:1');
    expect(claimed).toBeDefined();
    const failing = { complete: () => Promise.reject(new Error('lease lost')) };
    await expect(pages.transition('page-1', at, (s) => fireStep(s, at, dir, { stepSeq: 1 }), { completing: failing })).rejects.toThrow('lease lost');
    expect((await pages.load('page-1'))?.stepIndex).toBe(0);
    const completing: Pick<JobContext, 'complete'> = { complete: (trx) => jobs.complete('page-1:step:1', 'w', at, trx) };
    await pages.transition('page-1', at, (s) => fireStep(s, at, dir, { stepSeq: 1 }), { completing });
    expect((await pages.load('page-1'))?.stepIndex).toBe(1);
    expect((await jobs.get('page-1:step:1'))?.status).toBe('done');
  });
});
