import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Registry } from 'prom-client';
import { testConfig } from '../helpers/test-config.ts';
import { PAGERDUTY_WEBHOOK_SECRET, startHarness, type Harness } from '../helpers/harness.ts';
import { POSTGRES_URL } from '../helpers/test-databases.ts';
import type { FakePagerDuty } from '../integrations/pagerduty/fake-pagerduty.ts';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { SlackEmulator } from '../../src/sandbox/emulator.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { AuditLog } from '../../src/platform/store/audit-log.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import type { JobContext } from '../../src/platform/jobs/define-job.ts';
import { createCommitTransition } from '../../src/platform/outbox/commit-transition.ts';
import { rota } from '../../src/rota/capability.ts';
import { ROTA_API } from '../../src/rota/api.ts';
import { paging } from '../../src/escalation/capability.ts';
import { PAGING_API, type PagingApi } from '../../src/escalation/api.ts';
import type { NotifyEffect } from '../../src/escalation/domain/effects.ts';
import { rotaDirectory } from '../../src/escalation/rota-directory.ts';
import { prometheusPagingMetrics } from '../../src/escalation/prometheus-paging-metrics.ts';
import { PageRepository } from '../../src/escalation/store/page-repository.ts';
import type { PagingTables } from '../../src/escalation/store/tables.ts';
import type { DirectoryLookup } from '../../src/escalation/ports/directory-lookup.ts';
import type { PagingMetrics } from '../../src/escalation/ports/paging-metrics.ts';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import type { PageResponders } from '../../src/escalation/domain/page-permissions.ts';

export const ROUTING_KEY_ENV = 'PD_ROUTING_KEY_REGISTRY';
export const ROUTING_KEY = 'R0UT1NGKEYREGISTRY0123456789abcd';
export const WEBHOOK_SECRET = PAGERDUTY_WEBHOOK_SECRET;

/**
 * Tuesday 2026-11-24 03:12Z. Registry's follow-the-sun windows are closed, so its fallback layer
 * answers: nikhita (Asia/Kolkata, 08:42, before her 10:00 start) is primary, bentheelder
 * (America/Los_Angeles, Monday 19:12) secondary. Of the owners, hh (Pacific/Auckland, 16:12) is
 * inside working hours; ameukam (Europe/Paris) and upodroid (Europe/London) are asleep.
 */
export const START = '2026-11-24T03:12:00Z';

/** The real config/infra.yaml, with a PagerDuty routing key env var named for registry. */
export function pagingConfig(): InfraConfig {
  const config = testConfig();
  return {
    ...config,
    // Status checks page down services through the same engine; keep them out of these tests.
    services: config.services.map((s) => ({ ...s, pageOnDown: false, probes: [] })),
    subprojects: config.subprojects.map((s) => (s.id === 'registry' ? { ...s, pagerduty: { routingKeyEnv: ROUTING_KEY_ENV } } : s)),
  };
}

export function clockAt(iso = START): ManualClock {
  return new ManualClock(iso);
}

export const SLACK = {
  ameukam: 'U0AMEUKAM',
  nikhita: 'U0NIKHITA',
  bentheelder: 'U0BENTHEE',
  hh: 'U0HHHHHHH',
  upodroid: 'U0UPODROI',
  thockin: 'U0THOCKIN',
  dims: 'U0DIMS001',
  jimangel: 'U0JIMANGE',
  spiffxp: 'U0SPIFFXP',
} as const;

export function allText(messages: readonly { text?: string; blocks?: unknown }[]): string {
  return messages.map((m) => `${m.text ?? ''}\n${JSON.stringify(m.blocks ?? [])}`).join('\n');
}

/** The page messages in a person's DM with the bot (the rota runs too, for who is on call, and DMs handoffs). */
export function pageDms(slack: SlackEmulator, userId: string) {
  return slack.dms(userId).filter((m) => /^\[(PAGE|ACKNOWLEDGED|RESOLVED)\]/.test(m.text));
}

/**
 * What a test reaches below the Slack and HTTP edges, over the store it opened itself: the page
 * store, the audit log and the jobs table, and the ports paging's use cases and jobs take (a
 * second set, as another replica on the same database would have).
 */
export interface PagingPorts {
  pages: PageRepository;
  audit: AuditLog;
  jobs: Jobs;
  directoryFor: DirectoryLookup;
  respondersFor(subprojectId: string): PageResponders;
  metrics: PagingMetrics;
  /** This second replica's Home tabs are not what these tests look at. */
  home: { refresh(who: readonly (string | undefined)[]): void };
}

export function pagingPorts(store: Store, h: Harness, clock: ManualClock): PagingPorts {
  const jobs = new Jobs(store.db, store.dialect);
  const audit = new AuditLog(store.db);
  const commit = createCommitTransition({ jobs, audit, clock, wake: () => h.bot.jobRunner.wake() });
  return {
    pages: new PageRepository(store.db, store.dialect, commit),
    audit,
    jobs,
    directoryFor: rotaDirectory(h.config, () => h.bot.api(ROTA_API)),
    respondersFor: (id) => {
      const subproject = h.config.subprojects.find((s) => s.id === id);
      const participants = h.config.rotations.filter((r) => subproject?.rotations.includes(r.id)).flatMap((r) => r.participants);
      return { owners: subproject?.owners ?? [], participants, leads: h.config.leads };
    },
    metrics: prometheusPagingMetrics(new Registry()),
    home: { refresh: () => undefined },
  };
}

/** The notification outbox of a page, in the order the steps queued it. */
export async function outboxOf(store: Store, pageId: string): Promise<{ key: string; sent: boolean; dropped: boolean; effect: NotifyEffect }[]> {
  const rows = await store.db.withTables<PagingTables>().selectFrom('page_outbox').selectAll().where('page_id', '=', pageId).orderBy('created_at').orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, sent: r.sent_at !== null, dropped: r.dropped_at !== null, effect: JSON.parse(r.payload) as NotifyEffect }));
}

/** A job context for running one job kind's handler by hand, as `worker` (not the bot's runner). */
export function jobContext(jobs: Jobs, job: { id: string; kind: string }, now: Date, worker = 'test'): JobContext {
  return { job: { ...job, dueAt: now, attempts: 1 }, worker, now, complete: (trx) => jobs.complete(job.id, worker, now, trx), signal: new AbortController().signal };
}

/**
 * An empty database for a bot of the rota and paging only, not migrated: the bot migrates what it
 * runs. (A store migrated for every capability, as test-databases.ts opens them, makes a bot of
 * fewer capabilities refuse to start: Kysely reports the others' migrations as missing.)
 */
export async function freshStore(kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<Store> {
  if (kind === 'sqlite') return openDatabase({ kind: 'sqlite', path: ':memory:' });
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create schema ${schema}`);
  const store = await openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await admin(`drop schema if exists ${schema} cascade`);
  };
  return store;
}

export interface PagingRig extends PagingPorts {
  h: Harness;
  pd: FakePagerDuty | undefined;
  clock: ManualClock;
  store: Store;
  paging: PagingApi;
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export interface PagingRigOptions {
  /** A local PagerDuty with registry's routing key (default true). */
  pagerduty?: boolean;
  /** Default: a fresh SQLite database in memory. */
  store?: Store;
  clock?: ManualClock;
  replicaId?: string;
  /** Stop the job runner: jobs run only when the test drains (default true). */
  manualJobs?: boolean;
}

/**
 * The paging e2e rig: the rota (who is on call) and paging only, a local PagerDuty, the bot and
 * emulator on a ManualClock at START, and the job runner stopped so jobs run only when a test
 * calls drain() (messages stay stale until then, like a slow Slack). The store is opened here, so
 * the test can read it.
 */
export async function startPagingE2E(options: PagingRigOptions = {}): Promise<PagingRig> {
  const clock = options.clock ?? clockAt();
  const store = options.store ?? (await freshStore());
  const withPager = options.pagerduty ?? true;
  const h = await startHarness({
    capabilities: [rota, paging],
    pagerduty: withPager,
    manualJobs: options.manualJobs ?? true,
    clock,
    slackClock: clock,
    config: pagingConfig(),
    store,
    ...(withPager ? { env: { [ROUTING_KEY_ENV]: ROUTING_KEY } } : {}),
    ...(options.replicaId ? { replicaId: options.replicaId } : {}),
  });
  return {
    ...pagingPorts(store, h, clock),
    h,
    pd: h.pagerduty,
    clock,
    store,
    paging: h.bot.api(PAGING_API),
    drain: () => h.drain(),
    stop: () => h.stop(),
  };
}

/**
 * A click on a page button sent as a raw signed request, exactly as given: the same payload can be
 * delivered several times (Slack's retry, a double delivery), or without a response_url.
 */
export function rawClick(
  slack: SlackEmulator,
  args: { userId: string; message: { channel: string; ts: string }; actionId: string; value: string; actionTs?: string; responseUrl?: string },
) {
  const payload = {
    type: 'block_actions',
    ...slack.payloadIdentity(args.userId),
    trigger_id: `${Date.now()}.raw`,
    container: { type: 'message', message_ts: args.message.ts, channel_id: args.message.channel, is_ephemeral: false },
    channel: { id: args.message.channel, name: slack.channel(args.message.channel)?.name ?? 'directmessage' },
    message: { type: 'message', ts: args.message.ts, text: '' },
    ...(args.responseUrl ? { response_url: args.responseUrl } : {}),
    actions: [{ action_id: args.actionId, block_id: PAGING_IDS.blocks.actions, type: 'button', value: args.value, action_ts: args.actionTs ?? '1764500000.000100' }],
  };
  return slack.sendRaw({ payload });
}

/** The value a button of a page message carries, as Slack would send it back. */
export function buttonValue(message: { blocks?: unknown }, actionId: string): string {
  const blocks = (message.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  const value = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value;
  if (!value) throw new Error(`no ${actionId} button on the message`);
  return value;
}
