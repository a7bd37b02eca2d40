import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { fireStep } from '../../src/escalation/domain/escalation-engine.ts';
import { pageService } from '../helpers/capability-internals.ts';
import { PageRepository } from '../../src/escalation/store/page-repository.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { migrateAll } from '../helpers/test-databases.ts';
import { startE2E, type E2E } from '../helpers/start-e2e.ts';
import { POSTGRES_URL, postgresAvailable, testDatabases } from '../helpers/test-databases.ts';
import { clockAt, drain, pagingConfig, SLACK, START } from '../escalation/paging-fixture.ts';
import { pageDms } from '../escalation/paging-fixture.ts';

const MIN = 60_000;

async function raise(e2e: E2E, text = 'page registry severity=warning registry 503s'): Promise<string> {
  const channel = e2e.slack.channelByName('wg-k8s-infra')!.id;
  await e2e.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text });
  const pages = pageService(e2e.bot);
  const id = await e2e.slack.waitFor(() => true).then(async () => {
    for (let i = 0; i < 200; i++) {
      const open = (await pages.openPages()).filter((p) => p.createdBy === 'thockin');
      if (open[0]) return open[0].id;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('page not raised');
  });
  return id;
}

async function sqliteFile(path: string): Promise<Store> {
  const store = await openDatabase({ kind: 'sqlite', path });
  await migrateAll(store);
  return store;
}

describe('a page survives a restart between steps', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on a SQLite file: the new process fires step 2 exactly once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'paging-restart-'));
    const file = join(dir, 'bot.sqlite');
    const clock = clockAt();
    const first = await startE2E({ clock, slackClock: clock, config: pagingConfig(), store: await sqliteFile(file), replicaId: 'before-restart' });
    await first.bot.deps.jobRunner.stop();
    const pageId = await raise(first);
    await drain(first);
    expect(pageDms(first.slack, SLACK.nikhita)).toHaveLength(1);
    await first.stop(); // the process dies with step 2 pending

    const second = await startE2E({ clock, slackClock: clock, config: pagingConfig(), store: await sqliteFile(file), replicaId: 'after-restart' });
    try {
      await second.bot.deps.jobRunner.stop();
      await drain(second);
      expect(pageDms(second.slack, SLACK.bentheelder)).toHaveLength(0); // not due yet
      clock.advance(5 * MIN);
      await drain(second);
      await drain(second);
      expect(pageDms(second.slack, SLACK.bentheelder)).toHaveLength(1);
      expect(pageDms(second.slack, SLACK.nikhita)).toHaveLength(0); // step 1 is not re-sent
      const audit = await second.bot.deps.audit.list({ subject: `page:${pageId}` });
      expect(audit.filter((a) => a.action === 'page.escalated')).toHaveLength(1);
      const page = (await pageService(second.bot).openPages()).find((p) => p.id === pageId)!;
      expect(page.stepIndex).toBe(1);
      expect(page.notifications.map((n) => `${n.step}:${n.personId}`)).toEqual(['1:nikhita', '2:bentheelder']);
    } finally {
      await second.stop();
    }
  });
});

describe.runIf(postgresAvailable)('two bots on one PostgreSQL database', () => {
  it('never fire a step twice', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const open = async () => openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
    const storeA = await open();
    await migrateAll(storeA);
    const clock = clockAt();
    const a = await startE2E({ clock, slackClock: clock, config: pagingConfig(), store: storeA, replicaId: 'replica-a' });
    const b = await startE2E({ clock, slackClock: clock, config: pagingConfig(), store: await open(), replicaId: 'replica-b' });
    try {
      const pageId = await raise(a, 'page registry severity=critical registry down everywhere');
      // Both replicas poll on their own (every 20 ms) and are also driven hard at each step.
      for (const minutes of [0, 5, 5, 10, 14]) {
        clock.advance(minutes * MIN);
        for (let i = 0; i < 5; i++) await Promise.all([a.bot.deps.jobRunner.runDue(), b.bot.deps.jobRunner.runDue(), a.bot.deps.jobRunner.runDue(), b.bot.deps.jobRunner.runDue()]);
      }
      await new Promise((r) => setTimeout(r, 100));
      const dms = (user: string) => pageDms(a.slack, user).length + pageDms(b.slack, user).length;
      // critical-service: primary nikhita, secondary bentheelder, owners (hh, ameukam, upodroid new), leads (dims, spiffxp, thockin new).
      for (const user of [SLACK.nikhita, SLACK.bentheelder, SLACK.hh, SLACK.ameukam, SLACK.upodroid, SLACK.dims, SLACK.spiffxp, SLACK.thockin]) expect(dms(user)).toBe(1);
      const audit = await a.bot.deps.audit.list({ subject: `page:${pageId}` });
      expect(audit.filter((x) => x.action === 'page.escalated')).toHaveLength(3);
      const repo = new PageRepository(storeA.db, 'postgres', a.bot.deps.jobs, a.bot.deps.audit);
      const outbox = await repo.outbox(pageId);
      expect(outbox.every((o) => o.sent && !o.dropped)).toBe(true);
      expect(new Set(outbox.map((o) => o.key)).size).toBe(outbox.length);
      const page = (await repo.load(pageId))!;
      expect(page.stepIndex).toBe(3); // step 4 of critical-service, pass 1
      expect(page.pass).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });
});

describe.each(testDatabases)('an acknowledgement racing a step wins, on $name', (database) => {
  let e2e: E2E;
  afterEach(async () => e2e?.stop());

  it('when the ack commits while the step is computed: the step re-runs on the acked page and notifies nobody', async () => {
    const clock = new ManualClock(START);
    e2e = await startE2E({ clock, slackClock: clock, config: pagingConfig(), database });
    await e2e.bot.deps.jobRunner.stop();
    const pageId = await raise(e2e);
    await drain(e2e);
    const service = pageService(e2e.bot);
    const repo = new PageRepository(e2e.bot.deps.store.db, e2e.bot.deps.store.dialect, e2e.bot.deps.jobs, e2e.bot.deps.audit);
    clock.advance(5 * MIN);
    const now = clock.now();
    const seen = (await repo.load(pageId))!;
    const directory = await service.directoryFor('registry', now);
    const computed = fireStep(seen, now, directory, { stepSeq: seen.stepSeq });
    expect(computed.effects.some((e) => e.kind === 'notify')).toBe(true);
    // The ack commits between the step's read and its write.
    expect((await service.acknowledge(pageId, 'nikhita', now))?.kind).toBe('acknowledged');
    // The step's read happened before the ack: hand the repository that stale snapshot first.
    const realLoad = repo.load.bind(repo);
    let stale = true;
    repo.load = async (...args: Parameters<PageRepository['load']>) => {
      if (stale) {
        stale = false;
        return seen;
      }
      return realLoad(...args);
    };
    let calls = 0;
    const out = await repo.transition(pageId, now, (s) => (calls++ === 0 ? computed : fireStep(s, now, directory, { stepSeq: seen.stepSeq })));
    expect(calls).toBe(2);
    expect(out?.committed).toBe(false);
    await drain(e2e);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(0);
    expect((await repo.outbox(pageId)).map((o) => o.effect.personId)).toEqual(['nikhita']);
  });

  it('when the ack commits after the step but before delivery: the queued notifications are dropped', async () => {
    const clock = new ManualClock(START);
    e2e = await startE2E({ clock, slackClock: clock, config: pagingConfig(), database });
    await e2e.bot.deps.jobRunner.stop();
    const pageId = await raise(e2e);
    await drain(e2e);
    const service = pageService(e2e.bot);
    clock.advance(5 * MIN);
    // Run only the step job: it commits step 2 and queues bentheelder's DM.
    const stepJob = { id: `${pageId}:step:1`, kind: 'page-step', dueAt: clock.now(), payload: { pageId, stepSeq: 1 }, attempts: 1 };
    expect((await e2e.bot.deps.jobs.get(stepJob.id))?.status).toBe('pending');
    await service.runStepJob(stepJob, { job: stepJob, worker: 'test', now: clock.now(), complete: (trx) => e2e.bot.deps.jobs.complete(stepJob.id, 'test', clock.now(), trx), signal: new AbortController().signal });
    await service.acknowledge(pageId, 'nikhita', clock.now());
    await drain(e2e);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(0);
    const repo = new PageRepository(e2e.bot.deps.store.db, e2e.bot.deps.store.dialect, e2e.bot.deps.jobs, e2e.bot.deps.audit);
    expect((await repo.outbox(pageId)).map((o) => `${o.effect.personId}:${o.sent ? 'sent' : o.dropped ? 'dropped' : 'pending'}`)).toEqual(['nikhita:sent', 'bentheelder:dropped']);
  });

  it('when ack and step jobs run at the same moment, no notification is sent after the ack committed', async () => {
    const clock = new ManualClock(START);
    e2e = await startE2E({ clock, slackClock: clock, config: pagingConfig(), database });
    await e2e.bot.deps.jobRunner.stop();
    const pageId = await raise(e2e);
    await drain(e2e);
    const service = pageService(e2e.bot);
    clock.advance(5 * MIN);
    const runner = e2e.bot.deps.jobRunner;
    let ackedAt = 0;
    await Promise.all([
      runner.runDue().then(() => runner.runDue()),
      service.acknowledge(pageId, 'nikhita', clock.now()).then(() => (ackedAt = performance.now())),
    ]);
    await drain(e2e);
    const allDms = [SLACK.nikhita, SLACK.bentheelder].flatMap((u) => pageDms(e2e.slack, u));
    const repo = new PageRepository(e2e.bot.deps.store.db, e2e.bot.deps.store.dialect, e2e.bot.deps.jobs, e2e.bot.deps.audit);
    const outbox = await repo.outbox(pageId);
    // Either the step lost (only nikhita's step-1 DM exists) or it won and its DM was dropped.
    expect(outbox.filter((o) => o.sent).map((o) => o.effect.personId)).toEqual(['nikhita']);
    expect(allDms.length).toBe(1);
    expect(ackedAt).toBeGreaterThan(0);
  });
});
