import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import type { Bot } from '../../src/platform/start-bot.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { reportsModule } from '../../src/reports/capability.ts';
import { migrateAll, POSTGRES_URL, postgresAvailable, testSchemaName } from '../helpers/test-databases.ts';
import { testConfig } from '../helpers/test-config.ts';
import { startHarnessWith, type RotaHarness } from '../rota/helpers/rota-harness.ts';
import { ManualTicker } from '../reports/helpers/manual-ticker.ts';
import pg from 'pg';
import { PAGING_API } from '../../src/escalation/api.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';

// The weekly digest: Monday 09:00 Europe/Berlin. Summer time ends Sun 25 Oct 2026.
const SAT_BEFORE_CHANGE = '2026-10-17T12:00:00Z';
const SAT_OF_CHANGE = '2026-10-24T12:00:00Z';

const digests = (h: RotaHarness) => h.slack.messages('wg-k8s-infra').filter((m) => m.text?.includes('On call this week'));

function onlyDigest(config: InfraConfig, missed: 'post-late' | 'skip' = 'post-late'): InfraConfig {
  return { ...config, schedules: config.schedules.filter((s) => s.report === 'oncall-digest').map((s) => ({ ...s, missed })) };
}

async function reportsOnReady(bot: Bot, now: Date): Promise<void> {
  const reports = bot.capabilities.find((c) => c.module.name === 'reports');
  if (!reports?.capability.onReady) throw new Error('the reports capability is not running');
  await reports.capability.onReady(now);
}

async function start(options: { clock: ManualClock; store: Store; ticker: ManualTicker; replicaId: string; config?: InfraConfig; manualJobs?: boolean }): Promise<RotaHarness> {
  const { ticker, config, ...rest } = options;
  return startHarnessWith(['rota', 'reports'], { ...rest, slackClock: options.clock, config: config ?? onlyDigest(testConfig()), replacements: [reportsModule({ ticker })] });
}

describe('the weekly on-call digest', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('fires at 09:00 Berlin on both sides of the October change, with the week in UTC and in each person’s zone', async () => {
    const clock = new ManualClock(SAT_BEFORE_CHANGE);
    const ticker = new ManualTicker();
    const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    const h = await start({ clock, store, ticker, replicaId: 'only', manualJobs: true });
    try {
      expect(ticker.started).toEqual(new Set(['weekly-oncall-digest']));
      const before = await ticker.fireNext('weekly-oncall-digest', clock.now());
      expect(before.toISOString()).toBe('2026-10-19T07:00:00.000Z');
      clock.set(before);
      await h.drain();
      clock.set(SAT_OF_CHANGE);
      const after = await ticker.fireNext('weekly-oncall-digest', clock.now());
      expect(after.toISOString()).toBe('2026-10-26T08:00:00.000Z');
      clock.set(after);
      await h.drain();

      const posted = digests(h);
      expect(posted.map((m) => m.text)).toEqual([expect.stringContaining('On call this week (Mon 19 Oct – Sun 25 Oct 2026)'), expect.stringContaining('On call this week (Mon 26 Oct – Sun 1 Nov 2026)')]);
      const body = JSON.stringify(posted[1]!.blocks);
      // DNS hands off Mondays 09:00 Berlin: 07:00Z in summer, 08:00Z in winter; the week ends Monday 00:00 Berlin.
      expect(body).toContain('Mon 26 Oct 08:00 UTC (Mon 09:00 GMT+1 for them, Europe/Belgrade) → Sun 1 Nov 23:00 UTC: <@U0XMUDRII>');
      expect(JSON.stringify(posted[0]!.blocks)).toContain('Mon 19 Oct 07:00 UTC (Mon 08:00 GMT+1 for them, Europe/London) → Sun 25 Oct 23:00 UTC: <@U0UPODROI>');
      const audit = await h.audit.list({ action: 'reports.posted' });
      expect(audit.map((e) => (e.payload as { slot: string }).slot)).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    } finally {
      await h.stop();
    }
  });

  it('a firing missed while no replica ran is posted late once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'reports-missed-'));
    const file = join(dir, 'bot.sqlite');
    const clock = new ManualClock(SAT_BEFORE_CHANGE);
    const first = await start({ clock, store: await openDatabase({ kind: 'sqlite', path: file }), ticker: new ManualTicker(), replicaId: 'before', manualJobs: true });
    await reportsOnReady(first.bot, clock.now());
    await first.stop(); // down over two Mondays (19 and 26 Oct)

    clock.set('2026-10-26T10:30:00Z');
    const second = await start({ clock, store: await openDatabase({ kind: 'sqlite', path: file }), ticker: new ManualTicker(), replicaId: 'after', manualJobs: true });
    try {
      await reportsOnReady(second.bot, clock.now()); // as when the database comes back: no second late post
      await second.drain();
      const posted = digests(second);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.text).toBe('(late) On call this week (Mon 26 Oct – Sun 1 Nov 2026)' + (posted[0]!.text!.includes(': gaps') ? posted[0]!.text!.slice(posted[0]!.text!.indexOf(': gaps')) : ''));
      expect(JSON.stringify(posted[0]!.blocks)).toContain('Posted late: this report was due Mon 26 Oct 2026 09:00 GMT+1 (08:00 UTC)');
      expect((await second.audit.list({ action: 'reports.posted-late' })).map((e) => e.payload)).toEqual([{ slot: '2026-10-26T08:00:00.000Z' }]);
    } finally {
      await second.stop();
    }

    // A third start finds nothing missed.
    const third = await start({ clock, store: await openDatabase({ kind: 'sqlite', path: file }), ticker: new ManualTicker(), replicaId: 'again', manualJobs: true });
    try {
      await reportsOnReady(third.bot, clock.now());
      await third.drain();
      expect(digests(third)).toHaveLength(0);
    } finally {
      await third.stop();
    }
  });

  it('a firing missed while no replica ran is skipped when the schedule says so', async () => {
    dir = mkdtempSync(join(tmpdir(), 'reports-skip-'));
    const file = join(dir, 'bot.sqlite');
    const clock = new ManualClock(SAT_BEFORE_CHANGE);
    const config = onlyDigest(testConfig(), 'skip');
    const first = await start({ clock, store: await openDatabase({ kind: 'sqlite', path: file }), ticker: new ManualTicker(), replicaId: 'before', manualJobs: true, config });
    await first.stop();

    clock.set('2026-10-26T10:30:00Z');
    const ticker = new ManualTicker();
    const second = await start({ clock, store: await openDatabase({ kind: 'sqlite', path: file }), ticker, replicaId: 'after', manualJobs: true, config });
    try {
      await second.drain();
      expect(digests(second)).toHaveLength(0);
      expect((await second.audit.list({ action: 'reports.skipped' })).map((e) => e.payload)).toEqual([{ slot: '2026-10-26T08:00:00.000Z', reason: 'missed while no replica ran' }]);
      // The next Monday fires as usual.
      const next = await ticker.fireNext('weekly-oncall-digest', clock.now());
      clock.set(next);
      await second.drain();
      expect(digests(second).map((m) => m.text)).toEqual([expect.stringContaining('On call this week (Mon 2 Nov')]);
    } finally {
      await second.stop();
    }
  });
});

describe('the daily open-pages summary', () => {
  it('reads open pages and incidents through their capabilities and posts them to the alerts channel', async () => {
    const clock = new ManualClock('2026-11-24T06:30:00Z');
    const ticker = new ManualTicker();
    const config = testConfig();
    const h = await startHarnessWith(['rota', 'paging', 'incidents', 'reports'], { clock, slackClock: clock, config, replacements: [reportsModule({ ticker })], manualJobs: true });
    try {
      const raised = await h.bot.api(PAGING_API).raise({ subprojectId: 'registry', severity: 'critical', summary: `registry.k8s.io 503s ${HOSTILE}`, createdBy: 'status', key: 'summary-test' }, clock.now());
      expect(raised.created).toBe(true);
      const slot = await ticker.fireNext('daily-open-summary', clock.now());
      expect(slot.toISOString()).toBe('2026-11-24T07:00:00.000Z'); // 08:00 Berlin (CET)
      clock.set(slot);
      await h.drain();
      const posted = h.slack.messages('k8s-infra-alerts').filter((m) => m.text?.startsWith('Open:'));
      expect(posted.map((m) => m.text)).toEqual(['Open: 1 pages, 0 incidents']);
      expect(JSON.stringify(posted[0]!.blocks)).toContain('`registry`: registry.k8s.io 503s &lt;!channel&gt;');
      expect(unescapedHostile(posted[0])).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});

describe.runIf(postgresAvailable)('two replicas on one PostgreSQL database', () => {
  it('post the weekly digest once at each 09:00 Berlin, either side of the DST change', async () => {
    const schema = testSchemaName();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    const open = async () => openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
    const storeA = await open();
    await migrateAll(storeA);
    const clock = new ManualClock(SAT_BEFORE_CHANGE);
    const tickerA = new ManualTicker();
    const tickerB = new ManualTicker();
    const a = await start({ clock, store: storeA, ticker: tickerA, replicaId: 'replica-a' });
    const b = await start({ clock, store: await open(), ticker: tickerB, replicaId: 'replica-b' });
    try {
      await Promise.all([reportsOnReady(a.bot, clock.now()), reportsOnReady(b.bot, clock.now())]);
      const all = () => [...digests(a), ...digests(b)];
      for (const [week, saturday] of [SAT_BEFORE_CHANGE, SAT_OF_CHANGE].entries()) {
        // The clock jumps a week only once this week's post is done: a job still in flight at
        // the jump would look like an expired lease to the other replica (time never jumps so).
        for (let i = 0; i < 400 && (await a.audit.list({ action: 'reports.posted' })).length < week; i++) await new Promise((r) => setTimeout(r, 50));
        clock.set(saturday);
        // Both replicas' node-cron fire the same slot at the same moment.
        const [slotA, slotB] = await Promise.all([tickerA.fireNext('weekly-oncall-digest', clock.now()), tickerB.fireNext('weekly-oncall-digest', clock.now())]);
        expect(slotA).toEqual(slotB);
        clock.set(slotA);
        for (let i = 0; i < 3; i++) await Promise.all([a.bot.jobRunner.runDue(), b.bot.jobRunner.runDue(), a.bot.jobRunner.runDue(), b.bot.jobRunner.runDue()]);
      }
      for (let i = 0; i < 400 && all().length < 2; i++) await new Promise((r) => setTimeout(r, 50));
      // Let a (wrong) second post arrive before counting.
      await new Promise((r) => setTimeout(r, 300));
      expect(all().map((m) => m.text?.slice(0, 50)).sort()).toEqual(['On call this week (Mon 19 Oct – Sun 25 Oct 2026)', 'On call this week (Mon 26 Oct – Sun 1 Nov 2026)'].map((t) => t.slice(0, 50)));
      const posted = await a.audit.list({ action: 'reports.posted' });
      expect(posted.map((e) => (e.payload as { slot: string }).slot).sort()).toEqual(['2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    } finally {
      await a.stop();
      await b.stop();
      await admin.end();
    }
    // Two bots and their migrations on a shared PostgreSQL: slow on a loaded machine, never waited on for timing.
  }, 120_000);
});
