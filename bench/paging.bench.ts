/**
 * Paging at scale: 10,000 open pages whose next escalation step comes due over SPREAD_S seconds,
 * run by the real job runner, paging's jobs and use cases and the store (Slack and PagerDuty replaced by in-memory
 * fakes, so the figures are the bot's own). Reports, on SQLite and on PostgreSQL in one run
 * (PostgreSQL in a schema of its own, skipped with a message when unreachable):
 * - step lateness: when the step's transaction committed minus when it was due;
 * - ack click-to-commit: from the moment a click was due (every 100 ms) to its committed state,
 *   so a runner that starves the event loop shows here as it would to a person clicking;
 * - DM lateness: when each DM a step queued was recorded as sent minus the step's due time;
 * - job rows per step: rows the step phase wrote (every kind, once all follow-up work is done)
 *   per step that fired, plus the step's own row, by kind.
 * Run: npx tsx bench/paging.bench.ts   (PAGES, SPREAD_S override the defaults; ONLY=sqlite|postgres)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfigOrThrow } from '../src/platform/config/load-config.ts';
import { PeopleDirectory } from '../src/platform/config/people-directory.ts';
import { systemClock } from '../src/core/clock.ts';
import type { Notifier, PostedMessage } from '../src/core/notifier.ts';
import { startPage } from '../src/escalation/domain/escalation-engine.ts';
import type { Pager } from '../src/escalation/ports/pager.ts';
import { createOnCallService } from '../src/rota/on-call-service.ts';
import { pagingDeps } from '../src/escalation/paging-deps.ts';
import { prometheusPagingMetrics } from '../src/escalation/prometheus-paging-metrics.ts';
import { acknowledgePage } from '../src/escalation/use-cases/acknowledge-page.ts';
import { pageNotifyJob } from '../src/escalation/jobs/page-notify.ts';
import { pagePagerJob } from '../src/escalation/jobs/page-pager.ts';
import { pagePostJob } from '../src/escalation/jobs/page-post.ts';
import { pageStepJob } from '../src/escalation/jobs/page-step.ts';
import { pageSyncJob } from '../src/escalation/jobs/page-sync.ts';
import { pageThreadJob } from '../src/escalation/jobs/page-thread.ts';
import { DEFAULT_PAGING_SETTINGS } from '../src/escalation/settings.ts';
import { createCommitTransition } from '../src/platform/outbox/commit-transition.ts';
import { Metrics } from '../src/platform/http/metrics.ts';
import { AuditLog } from '../src/platform/store/audit-log.ts';
import { JobRunner } from '../src/platform/jobs/job-runner.ts';
import { Jobs } from '../src/platform/jobs/jobs.ts';
import { migrateToLatest, openDatabase, type DatabaseTarget, type Store } from '../src/platform/store/open-database.ts';
import { collectMigrations } from '../src/platform/store/migrations.ts';
import { CAPABILITIES } from '../src/platform/capabilities.ts';

const PAGES = Number(process.env.PAGES ?? 10_000);
// "Steps due over a few minutes": 10,000 over 180 s is about 55 steps a second. SPREAD_S=45 (220 a
// second) is past what PostgreSQL sustains on a 2-core machine shared with the bot; see the README.
const SPREAD_S = Number(process.env.SPREAD_S ?? 180);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ONLY = process.env.ONLY;

const config = loadConfigOrThrow('config/infra.yaml');
const log = pino({ level: 'silent' });
const subprojects = config.subprojects.map((s) => s.id);

let ts = 0;
const notifier: Notifier = {
  post: async (channel) => ({ channel, ts: `${++ts}` }),
  update: async () => undefined,
  dm: async (user): Promise<PostedMessage> => ({ channel: `D${user}`, ts: `${++ts}` }),
  ephemeral: async () => undefined,
  permalink: async () => undefined,
};
const pager: Pager = { trigger: async () => ({ kind: 'skipped', message: 'bench' }), acknowledge: async () => ({ kind: 'skipped', message: 'bench' }), resolve: async () => ({ kind: 'skipped', message: 'bench' }) };

function pct(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(name: string, store: Store): Promise<void> {
  await migrateToLatest(store, collectMigrations(CAPABILITIES));
  const jobs = new Jobs(store.db, store.dialect);
  const audit = new AuditLog(store.db);
  const runner = new JobRunner(jobs, systemClock, log, { worker: `bench-${name}`, batch: store.jobSlots });
  const onCall = createOnCallService(config);
  const deps = pagingDeps({
    db: store.db,
    dialect: store.dialect,
    commit: createCommitTransition({ jobs, audit, clock: systemClock, wake: () => runner.wake() }),
    config,
    policies: config.escalationPolicies,
    rota: () => onCall,
    participants: () => [],
    people: new PeopleDirectory(config),
    notifier,
    findDm: async () => undefined,
    audit,
    // No Slack workspace to publish Home tabs to: the benchmark measures paging.
    home: { refresh: () => undefined },
    pager,
    hasPager: () => false,
    metrics: prometheusPagingMetrics(new Metrics({ defaultMetrics: false }).registry),
    settings: DEFAULT_PAGING_SETTINGS,
    log,
  });
  const repo = deps.pages;
  const lateness: number[] = [];
  const step = pageStepJob.bind(deps);
  runner.add({
    kind: step.kind,
    run: async (payload, ctx) => {
      await step.run(payload, ctx);
      lateness.push(Date.now() - ctx.job.dueAt.getTime());
    },
  });
  for (const job of [pageNotifyJob.bind(deps), pagePagerJob.bind(deps), pagePostJob.bind(deps), pageSyncJob.bind(deps), pageThreadJob.bind(deps)]) runner.add(job);

  // Open the pages as if raised over the last minute: step 2 (1-minute delay) comes due over the next SPREAD_S seconds.
  const policy = { id: 'bench', repeat: 0, steps: [{ targets: ['primary' as const, 'owners' as const], delayMinutes: 1 }, { targets: ['secondary' as const, 'leads' as const], delayMinutes: 5 }] };
  const t0 = Date.now();
  const ids = Array.from({ length: PAGES }, (_, i) => `bench-${i}`);
  const parallel = store.dialect === 'postgres' ? 8 : 1;
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let i = next++; i < PAGES; i = next++) {
        const sub = subprojects[i % subprojects.length]!;
        const created = new Date(t0 - 60_000 + Math.floor((i / PAGES) * SPREAD_S * 1000));
        const dir = await deps.directoryFor(sub, created);
        const t = startPage({ id: ids[i]!, subprojectId: sub, severity: 'error', summary: `bench page ${i}`, createdBy: 'dims', policy, usePager: false }, created, dir);
        await repo.create(t, created, { actor: 'dims', action: 'page.created' });
        // Posted in its channel, as the page-post job would have: each step refreshes it and adds a thread line.
        await repo.addMessage({ pageId: ids[i]!, channel: 'C0BENCH', ts: `${++ts}`, kind: 'channel', personId: null }, created);
      }
    }),
  );
  const insertS = (Date.now() - t0) / 1000;
  // Step 1 was delivered "a minute ago": only the step jobs (and what they cause) are measured.
  await store.db.updateTable('jobs').set({ status: 'done' }).where('kind', '!=', pageStepJob.kind).execute();
  // Inserting took a while: move the step due times so they start 1 s from now and spread over SPREAD_S.
  const startAt = Date.now() + 1000;
  const shift = startAt - t0;
  await store.db.updateTable('jobs').set((eb) => ({ due_at: eb('due_at', '+', shift) })).where('kind', '=', pageStepJob.kind).execute();

  const acks: number[] = [];
  let acking = true;
  const acker = (async () => {
    let k = 0;
    let clickAt = performance.now();
    while (acking) {
      clickAt += 100;
      await new Promise((r) => setTimeout(r, Math.max(0, clickAt - performance.now())));
      const id = ids[(k++ * 7919) % ids.length]!;
      await acknowledgePage(deps, { pageId: id, actor: { kind: 'person', id: 'dims' } }, systemClock.now());
      acks.push(performance.now() - clickAt);
      // A click is not sent while the last is still waiting: a late one is late once, not again.
      clickAt = Math.max(clickAt, performance.now());
    }
  })();
  while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 50));
  runner.start();
  const lastDue = startAt + SPREAD_S * 1000;
  const deadline = lastDue + 120_000;
  const pendingDue = async (kind?: string) => {
    let q = store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('due_at', '<=', Math.max(lastDue, Date.now()));
    if (kind) q = q.where('kind', '=', kind);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  };
  while (Date.now() < deadline && (await pendingDue(pageStepJob.kind)) > 0) await new Promise((r) => setTimeout(r, 250));
  const stepsDoneS = (Date.now() - lastDue) / 1000;
  acking = false;
  await acker;
  // Let the DMs, message refreshes and thread lines the steps asked for finish: their rows count.
  while (Date.now() < deadline && (await pendingDue()) > 0) await new Promise((r) => setTimeout(r, 250));
  const allDoneS = (Date.now() - lastDue) / 1000;
  await runner.stop();
  const left = await jobs.countByStatus();
  const written = await store.db
    .selectFrom('jobs')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', startAt)
    .groupBy('kind')
    .execute();
  const sentDms = await store.db
    .withTables<{ page_outbox: { key: string; page_id: string; sent_at: number | null } }>()
    .selectFrom('page_outbox')
    .innerJoin('jobs', (j) => j.onRef('jobs.id', '=', sql<string>`${sql.lit('page-notify:')} || page_outbox.key`))
    .select(['page_outbox.sent_at', 'jobs.created_at'])
    .where('page_outbox.sent_at', 'is not', null)
    .where('jobs.created_at', '>=', startAt)
    .execute();
  const dmLateness = sentDms.map((r) => Number(r.sent_at) - Number(r.created_at)).sort((a, b) => a - b);
  const fired = lateness.length;
  const byKind = Object.fromEntries(written.map((r) => [r.kind, +(Number(r.n) / Math.max(1, fired)).toFixed(2)]));
  const perStep = 1 + written.reduce((n, r) => n + Number(r.n), 0) / Math.max(1, fired);
  lateness.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  console.log(`${name}: ${PAGES} pages inserted in ${insertS.toFixed(1)} s; ${fired} step jobs fired over ${SPREAD_S} s (${acks.length} pages acknowledged meanwhile, their steps no-ops); last step done ${stepsDoneS.toFixed(1)} s after the last due time, all follow-up work ${allDoneS.toFixed(1)} s after`);
  console.log(`${name}: step lateness ms p50=${pct(lateness, 50)} p99=${pct(lateness, 99)} max=${lateness.at(-1)}  (goal p99 < 1000)`);
  console.log(`${name}: ack click-to-commit ms p50=${pct(acks, 50).toFixed(1)} p99=${pct(acks, 99).toFixed(1)} max=${(acks.at(-1) ?? NaN).toFixed(1)}  (goal p99 < 50)`);
  console.log(`${name}: DM queued-to-sent ms p50=${pct(dmLateness, 50)} p99=${pct(dmLateness, 99)} (${dmLateness.length} DMs)`);
  console.log(`${name}: job rows per step ${perStep.toFixed(2)} (step 1 + written per step ${JSON.stringify(byKind)})`);
  console.log(`${name}: jobs left ${JSON.stringify(left)}`);
}

if (ONLY !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'paging-bench-'));
  try {
    const sqlite = await openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
    await run('sqlite', sqlite);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (ONLY !== 'sqlite') {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  let reachable = true;
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  try {
    await client.connect();
    await client.query(`create schema ${schema}`);
  } catch {
    reachable = false;
  }
  if (!reachable) {
    console.log(`postgres: skipped (not reachable at ${PG_URL.replace(/\/\/[^@]*@/, '//')})`);
  } else {
    const target: DatabaseTarget = { kind: 'postgres', url: PG_URL, schema };
    const store = await openDatabase(target);
    try {
      await run('postgres', store);
    } finally {
      await store.close();
      await client.query(`drop schema if exists ${schema} cascade`);
    }
  }
  await client.end().catch(() => undefined);
}
process.exit(0);
