/**
 * Paging at scale: 10,000 open pages whose next escalation step comes due over SPREAD_S seconds,
 * run by the real job runner, paging's jobs and use cases and the store (Slack and PagerDuty replaced by in-memory
 * fakes, so the figures are the bot's own). Reports how late steps fire (commit time minus due
 * time) and how long an acknowledgement takes from the click to the committed state, on SQLite
 * and on PostgreSQL (skipped with a message when unreachable).
 * Run: npx tsx bench/paging.bench.ts   (PAGES, SPREAD_S override the defaults)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
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
const SPREAD_S = Number(process.env.SPREAD_S ?? 45);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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
  const runner = new JobRunner(jobs, systemClock, log, { worker: `bench-${name}` });
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
    while (acking) {
      await new Promise((r) => setTimeout(r, 100));
      const id = ids[(k++ * 7919) % ids.length]!;
      const t = performance.now();
      await acknowledgePage(deps, { pageId: id, actor: { kind: 'person', id: 'dims' } }, systemClock.now());
      acks.push(performance.now() - t);
    }
  })();
  while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 50));
  runner.start();
  const deadline = startAt + SPREAD_S * 1000 + 60_000;
  while (Date.now() < deadline) {
    const due = await store.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', pageStepJob.kind).where('status', '=', 'pending').where('due_at', '<=', startAt + SPREAD_S * 1000).executeTakeFirst();
    if (Number(due?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  acking = false;
  await acker;
  await runner.stop();
  const left = await jobs.countByStatus();
  lateness.sort((a, b) => a - b);
  acks.sort((a, b) => a - b);
  console.log(`${name}: ${PAGES} pages inserted in ${insertS.toFixed(1)} s; ${lateness.length} step jobs fired over ${SPREAD_S} s (${acks.length} pages acknowledged meanwhile, their steps no-ops)`);
  console.log(`${name}: step lateness ms p50=${pct(lateness, 50)} p99=${pct(lateness, 99)} max=${lateness.at(-1)}  (goal p99 < 1000)`);
  console.log(`${name}: ack click-to-commit ms p50=${pct(acks, 50).toFixed(1)} p99=${pct(acks, 99).toFixed(1)} max=${(acks.at(-1) ?? NaN).toFixed(1)}  (goal p99 < 50)`);
  console.log(`${name}: jobs left ${JSON.stringify(left)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'paging-bench-'));
try {
  const sqlite = await openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
  await run('sqlite', sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

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
process.exit(0);
