import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { migrateAll, testSchemaName } from '../helpers/test-databases.ts';
import { POSTGRES_URL, postgresAvailable } from '../helpers/test-databases.ts';
import { announcementsOf, rotaOnReady, startHarnessWith, type RotaHarness } from '../rota/helpers/rota-harness.ts';

// DNS hands off every Monday 09:00 Berlin: 30 Nov and 7 Dec 2026 at 08:00Z.
const T0 = '2026-11-24T03:12:00Z';
const HANDOFF_1 = '2026-11-30T08:00:00Z';
const HANDOFF_2 = '2026-12-07T08:00:00Z';

const dnsAnnouncements = (e2e: RotaHarness) => e2e.slack.messages('k8s-infra-alerts').filter((m) => m.text?.includes('On call for DNS')).map((m) => m.text ?? '');

/** What each bot does when its database becomes ready (the rota's onReady), called again so the test does not depend on start-up timing. */
async function bootstrap(e2e: RotaHarness, clock: ManualClock): Promise<void> {
  await rotaOnReady(e2e.bot, clock.now());
}

/** Every known migration, as any bot runs them whatever capabilities it starts. */
async function migrateRota(store: Store): Promise<Store> {
  await migrateAll(store);
  return store;
}

async function sqliteFile(path: string): Promise<Store> {
  return migrateRota(await openDatabase({ kind: 'sqlite', path }));
}

describe('handoff announcements survive a restart', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on a SQLite file: exactly one announcement per handoff across the restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rota-restart-'));
    const file = join(dir, 'bot.sqlite');
    const clock = new ManualClock(T0);
    const first = await startHarnessWith(['rota'], { clock, slackClock: clock, store: await sqliteFile(file), replicaId: 'before-restart', manualJobs: true });
    await bootstrap(first, clock);
    clock.set(HANDOFF_1);
    await first.bot.jobRunner.runDue();
    await first.bot.jobRunner.runDue();
    expect(dnsAnnouncements(first)).toHaveLength(1);
    expect(dnsAnnouncements(first)[0]).toContain('<@U0DIMS001>, until Mon 7 Dec 08:00 UTC');
    await first.stop(); // the process dies; the next handoff's row is in the file

    const second = await startHarnessWith(['rota'], { clock, slackClock: clock, store: await sqliteFile(file), replicaId: 'after-restart', manualJobs: true });
    try {
      await bootstrap(second, clock);
      await second.bot.jobRunner.runDue();
      expect(dnsAnnouncements(second)).toHaveLength(0); // handoff 1 is not repeated
      clock.set(HANDOFF_2);
      await second.bot.jobRunner.runDue();
      await second.bot.jobRunner.runDue();
      expect(dnsAnnouncements(second)).toEqual([expect.stringContaining('<@U0AMEUKAM>, until Mon 14 Dec 08:00 UTC, next <@U0UPODROI>')]);
      const rows = await announcementsOf(second.store, 'dns');
      expect(rows.map((r) => [r.at.toISOString(), r.person, r.outcome])).toEqual([
        ['2026-11-30T08:00:00.000Z', 'dims', 'announced'],
        ['2026-12-07T08:00:00.000Z', 'ameukam', 'announced'],
      ]);
      expect(await second.jobs.get('handoff:dns:2026-12-14T08:00:00.000Z')).toMatchObject({ status: 'pending' });
    } finally {
      await second.stop();
    }
  });
});

describe.runIf(postgresAvailable)('two bots on one PostgreSQL database', () => {
  it('announce each handoff once', async () => {
    const schema = testSchemaName();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const open = async () => openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
    const storeA = await migrateRota(await open());
    const clock = new ManualClock(T0);
    const a = await startHarnessWith(['rota'], { clock, slackClock: clock, store: storeA, replicaId: 'replica-a' });
    const b = await startHarnessWith(['rota'], { clock, slackClock: clock, store: await open(), replicaId: 'replica-b' });
    try {
      await Promise.all([bootstrap(a, clock), bootstrap(b, clock)]);
      for (const at of [HANDOFF_1, HANDOFF_2]) {
        clock.set(at);
        // Both replicas also poll on their own every 20 ms; drive them hard on top.
        for (let i = 0; i < 3; i++) await Promise.all([a.bot.jobRunner.runDue(), b.bot.jobRunner.runDue(), a.bot.jobRunner.runDue(), b.bot.jobRunner.runDue()]);
      }
      // The replicas' own pollers may still be finishing a run: wait for the posts, then let any
      // (wrong) second post arrive before counting.
      const dms = () => a.slack.dms('U0DIMS001').length + b.slack.dms('U0DIMS001').length;
      for (let i = 0; i < 100 && (dnsAnnouncements(a).length + dnsAnnouncements(b).length < 2 || dms() < 1); i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      const all = [...dnsAnnouncements(a), ...dnsAnnouncements(b)].sort();
      expect(all).toHaveLength(2);
      expect(all.filter((t) => t.includes('<@U0DIMS001>, until'))).toHaveLength(1);
      expect(all.filter((t) => t.includes('<@U0AMEUKAM>, until'))).toHaveLength(1);
      expect(dms()).toBe(1);
    } finally {
      await a.stop();
      await b.stop();
      await admin.end();
    }
  });
});
