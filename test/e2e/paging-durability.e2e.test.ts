import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { fireStep } from '../../src/escalation/domain/escalation-engine.ts';
import { pageStepJob } from '../../src/escalation/jobs/page-step.ts';
import { acknowledgePage } from '../../src/escalation/use-cases/acknowledge-page.ts';
import type { PageRepository } from '../../src/escalation/store/page-repository.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { POSTGRES_URL, postgresAvailable, testDatabases } from '../helpers/test-databases.ts';
import { clockAt, freshStore, jobContext, outboxOf, pageDms, SLACK, START, startPagingE2E, type PagingRig } from '../escalation/paging-fixture.ts';

const MIN = 60_000;

async function raise(rig: PagingRig, text = 'page registry severity=warning registry 503s'): Promise<string> {
  const channel = rig.h.slack.channelByName('wg-k8s-infra')!.id;
  await rig.h.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text });
  for (let i = 0; i < 200; i++) {
    const open = (await rig.paging.openPages()).filter((p) => p.createdBy === 'thockin');
    if (open[0]) return open[0].id;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('page not raised');
}

/** Not migrated here: each bot migrates what it runs (the rota and paging). */
function sqliteFile(path: string): Promise<Store> {
  return openDatabase({ kind: 'sqlite', path });
}

describe('a page survives a restart between steps', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on a SQLite file: the new process fires step 2 exactly once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'paging-restart-'));
    const file = join(dir, 'bot.sqlite');
    const clock = clockAt();
    const first = await startPagingE2E({ pagerduty: false, clock, store: await sqliteFile(file), replicaId: 'before-restart' });
    const pageId = await raise(first);
    await first.drain();
    expect(pageDms(first.h.slack, SLACK.nikhita)).toHaveLength(1);
    await first.stop(); // the process dies with step 2 pending

    const second = await startPagingE2E({ pagerduty: false, clock, store: await sqliteFile(file), replicaId: 'after-restart' });
    try {
      await second.drain();
      expect(pageDms(second.h.slack, SLACK.bentheelder)).toHaveLength(0); // not due yet
      clock.advance(5 * MIN);
      await second.drain();
      await second.drain();
      expect(pageDms(second.h.slack, SLACK.bentheelder)).toHaveLength(1);
      expect(pageDms(second.h.slack, SLACK.nikhita)).toHaveLength(0); // step 1 is not re-sent
      const audit = await second.audit.list({ subject: `page:${pageId}` });
      expect(audit.filter((a) => a.action === 'page.escalated')).toHaveLength(1);
      const page = (await second.paging.openPages()).find((p) => p.id === pageId)!;
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
    const clock = clockAt();
    // Both replicas poll on their own (every 20 ms) and are also driven hard at each step.
    const a = await startPagingE2E({ pagerduty: false, manualJobs: false, clock, store: storeA, replicaId: 'replica-a' });
    const b = await startPagingE2E({ pagerduty: false, manualJobs: false, clock, store: await open(), replicaId: 'replica-b' });
    try {
      const pageId = await raise(a, 'page registry severity=critical registry down everywhere');
      // Jobs in flight (claimed, lease held) on either replica: the clock only moves on when there are none,
      // as real time does not jump minutes while a DM is being sent (a lease outlived means a stalled replica).
      const inFlight = async () =>
        Number((await storeA.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('locked_until', '>=', clock.now().getTime()).executeTakeFirstOrThrow()).n);
      for (const minutes of [0, 5, 5, 10, 14]) {
        clock.advance(minutes * MIN);
        for (let i = 0; i < 5; i++) await Promise.all([a.h.bot.jobRunner.runDue(), b.h.bot.jobRunner.runDue(), a.h.bot.jobRunner.runDue(), b.h.bot.jobRunner.runDue()]);
        await expect.poll(inFlight, { timeout: 10_000, interval: 20 }).toBe(0);
      }
      await new Promise((r) => setTimeout(r, 100));
      const dms = (user: string) => pageDms(a.h.slack, user).length + pageDms(b.h.slack, user).length;
      // critical-service: primary nikhita, secondary bentheelder, owners (hh, ameukam, upodroid new), leads (dims, spiffxp, thockin new).
      for (const user of [SLACK.nikhita, SLACK.bentheelder, SLACK.hh, SLACK.ameukam, SLACK.upodroid, SLACK.dims, SLACK.spiffxp, SLACK.thockin]) expect(dms(user)).toBe(1);
      const audit = await a.audit.list({ subject: `page:${pageId}` });
      expect(audit.filter((x) => x.action === 'page.escalated')).toHaveLength(3);
      const outbox = await outboxOf(storeA, pageId);
      expect(outbox.every((o) => o.sent && !o.dropped)).toBe(true);
      expect(new Set(outbox.map((o) => o.key)).size).toBe(outbox.length);
      const page = (await a.pages.load(pageId))!;
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
  let rig: PagingRig | undefined;
  afterEach(async () => rig?.stop());

  /** A page raised at START whose step 1 (nikhita's DM) went out; the acknowledgements below come from "another replica" (their own ports on the same database). */
  async function raised(): Promise<{ rig: PagingRig; pageId: string }> {
    const clock = new ManualClock(START);
    rig = await startPagingE2E({ pagerduty: false, clock, store: await freshStore(database.name) });
    const pageId = await raise(rig);
    await rig.drain();
    return { rig, pageId };
  }

  it('when the ack commits while the step is computed: the step re-runs on the acked page and notifies nobody', async () => {
    const { rig: r, pageId } = await raised();
    const repo: PageRepository = r.pages;
    r.clock.advance(5 * MIN);
    const now = r.clock.now();
    const seen = (await repo.load(pageId))!;
    const directory = await r.directoryFor('registry', now);
    const computed = fireStep(seen, now, directory, { stepSeq: seen.stepSeq });
    expect(computed.effects.some((e) => e.kind === 'notify')).toBe(true);
    // The ack commits between the step's read and its write.
    expect((await acknowledgePage(r, { pageId, actor: { kind: 'person', id: 'nikhita' } }, now))?.kind).toBe('acknowledged');
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
    await r.drain();
    expect(pageDms(r.h.slack, SLACK.bentheelder)).toHaveLength(0);
    expect((await outboxOf(r.store, pageId)).map((o) => o.effect.personId)).toEqual(['nikhita']);
  });

  it('when the ack commits after the step but before delivery: the queued notifications are dropped', async () => {
    const { rig: r, pageId } = await raised();
    r.clock.advance(5 * MIN);
    // Run only the step job: it commits step 2 and queues bentheelder's DM.
    const stepJob = { id: `${pageId}:step:1`, kind: 'page-step' };
    expect((await r.jobs.get(stepJob.id))?.status).toBe('pending');
    await pageStepJob.bind(r).run({ pageId, stepSeq: 1 }, jobContext(r.jobs, stepJob, r.clock.now()));
    await acknowledgePage(r, { pageId, actor: { kind: 'person', id: 'nikhita' } }, r.clock.now());
    await r.drain();
    expect(pageDms(r.h.slack, SLACK.bentheelder)).toHaveLength(0);
    expect((await outboxOf(r.store, pageId)).map((o) => `${o.effect.personId}:${o.sent ? 'sent' : o.dropped ? 'dropped' : 'pending'}`)).toEqual(['nikhita:sent', 'bentheelder:dropped']);
  });

  it('when ack and step jobs run at the same moment, no notification is sent after the ack committed', async () => {
    const { rig: r, pageId } = await raised();
    r.clock.advance(5 * MIN);
    const runner = r.h.bot.jobRunner;
    let ackedAt = 0;
    await Promise.all([
      runner.runDue().then(() => runner.runDue()),
      acknowledgePage(r, { pageId, actor: { kind: 'person', id: 'nikhita' } }, r.clock.now()).then(() => (ackedAt = performance.now())),
    ]);
    await r.drain();
    const allDms = [SLACK.nikhita, SLACK.bentheelder].flatMap((u) => pageDms(r.h.slack, u));
    const outbox = await outboxOf(r.store, pageId);
    // Either the step lost (only nikhita's step-1 DM exists) or it won and its DM was dropped.
    expect(outbox.filter((o) => o.sent).map((o) => o.effect.personId)).toEqual(['nikhita']);
    expect(allDms.length).toBe(1);
    expect(ackedAt).toBeGreaterThan(0);
  });
});
