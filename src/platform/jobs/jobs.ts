import { sql, type Kysely } from 'kysely';
import type { CoreTables } from '../store/core-tables.ts';
import { coreOf, type Executor } from '../store/executor.ts';
import type { Dialect } from '../store/open-database.ts';
import { JOB_PRIORITY } from './job-priority.ts';

const ENQUEUE_CHUNK = 500;

export interface Job {
  id: string;
  kind: string;
  dueAt: Date;
  payload: unknown;
  attempts: number;
}

export interface NewJob {
  /** Idempotency key: the same id is scheduled once, however often it is enqueued. */
  id: string;
  kind: string;
  dueAt: Date;
  payload?: unknown;
  /** `JOB_PRIORITY`: how long (ms) this job yields to more urgent due ones (default normal). */
  priority?: number;
}

/**
 * Due-time rows: every timed thing the bot does (handoffs, escalation steps, reminders, expiries,
 * probe runs, outbox retries) is one. A replica claims a row by writing its name and a lease
 * expiry in one statement (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite serializes writers),
 * so two replicas never hold the same row, and a replica that dies loses its lease, not the job.
 */
export class Jobs {
  constructor(
    private readonly db: Kysely<CoreTables>,
    private readonly dialect: Dialect,
  ) {}

  async enqueue<DB extends CoreTables>(job: NewJob, now: Date, trx?: Executor<DB>): Promise<boolean> {
    return (await this.enqueueMany([job], now, trx)).length > 0;
  }

  /**
   * Inserts the rows whose ids are new, in one statement (a state change asks for several: a
   * step's DMs, its next step, the message refresh). Returns the jobs inserted.
   */
  async enqueueMany<DB extends CoreTables>(batch: readonly NewJob[], now: Date, trx?: Executor<DB>): Promise<NewJob[]> {
    if (batch.length === 0) return [];
    const rows = batch.map((job) => ({
      id: job.id,
      kind: job.kind,
      due_at: job.dueAt.getTime(),
      payload: JSON.stringify(job.payload ?? null),
      status: 'pending' as const,
      priority: job.priority ?? JOB_PRIORITY.normal,
      attempts: 0,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now.getTime(),
      updated_at: now.getTime(),
    }));
    const ids = new Set<string>();
    // Bound parameters per statement are limited (SQLite 32,766, PostgreSQL 65,535).
    for (let i = 0; i < rows.length; i += ENQUEUE_CHUNK) {
      const inserted = await (trx ? coreOf(trx) : this.db)
        .insertInto('jobs')
        .values(rows.slice(i, i + ENQUEUE_CHUNK))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      for (const r of inserted) ids.add(r.id);
    }
    return batch.filter((job) => ids.has(job.id));
  }

  /**
   * Claims up to `limit` due rows for `worker` until `now + leaseMs`, the most urgent first (due
   * time plus the priority's yield, `JOB_PRIORITY`), and returns them in that order.
   */
  async claimDue(worker: string, now: Date, limit: number, leaseMs: number): Promise<Job[]> {
    const nowMs = now.getTime();
    const lockUntil = nowMs + leaseMs;
    const result = await sql<{ id: string; kind: string; due_at: number; payload: string; attempts: number; priority: number }>`
      update jobs set locked_by = ${worker}, locked_until = ${lockUntil}, attempts = attempts + 1, updated_at = ${nowMs}
      where id in (${claimCandidates(this.dialect, nowMs, limit)})
      returning id, kind, due_at, payload, attempts, priority`.execute(this.db);
    // RETURNING gives no order: put the claimed rows back in the claim's.
    return result.rows
      .sort((a, b) => Number(a.due_at) + Number(a.priority) - (Number(b.due_at) + Number(b.priority)))
      .map((r) => ({ id: r.id, kind: r.kind, dueAt: new Date(Number(r.due_at)), payload: JSON.parse(r.payload) as unknown, attempts: Number(r.attempts) }));
  }

  /**
   * Marks a claimed job done; pass the transaction of the job's own state change so both commit
   * together. Returns false when the lease was lost (another worker took over), and the caller
   * must then roll back.
   */
  async complete<DB extends CoreTables>(id: string, worker: string, now: Date, trx?: Executor<DB>): Promise<boolean> {
    const r = await (trx ? coreOf(trx) : this.db)
      .updateTable('jobs')
      .set({ status: 'done', locked_until: null, updated_at: now.getTime() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * Extends a running job's lease. False when the lease is no longer this worker's (it expired
   * and another worker claimed the job, or the job was cancelled): the caller must stop.
   */
  async renew(id: string, worker: string, now: Date, leaseMs: number): Promise<boolean> {
    const r = await this.db
      .updateTable('jobs')
      .set({ locked_until: now.getTime() + leaseMs, updated_at: now.getTime() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async retryLater(id: string, worker: string, dueAt: Date, error: string, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ due_at: dueAt.getTime(), locked_by: null, locked_until: null, last_error: error.slice(0, 2000), updated_at: now.getTime() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .execute();
  }

  async fail(id: string, worker: string, error: string, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'failed', locked_until: null, last_error: error.slice(0, 2000), updated_at: now.getTime() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .execute();
  }

  async cancel<DB extends CoreTables>(id: string, now: Date, trx?: Executor<DB>): Promise<void> {
    await this.cancelMany([id], now, trx);
  }

  async cancelMany<DB extends CoreTables>(ids: readonly string[], now: Date, trx?: Executor<DB>): Promise<void> {
    if (ids.length === 0) return;
    await (trx ? coreOf(trx) : this.db).updateTable('jobs').set({ status: 'cancelled', updated_at: now.getTime() }).where('id', 'in', ids).where('status', '=', 'pending').execute();
  }

  /** Moves a pending job's due time, e.g. "escalate now". */
  async reschedule<DB extends CoreTables>(id: string, dueAt: Date, now: Date, trx?: Executor<DB>): Promise<void> {
    await (trx ? coreOf(trx) : this.db).updateTable('jobs').set({ due_at: dueAt.getTime(), updated_at: now.getTime() }).where('id', '=', id).where('status', '=', 'pending').execute();
  }

  async get(id: string): Promise<(Job & { status: string; lastError: string | null }) | undefined> {
    const r = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return undefined;
    return { id: r.id, kind: r.kind, dueAt: new Date(Number(r.due_at)), payload: JSON.parse(r.payload) as unknown, attempts: Number(r.attempts), status: r.status, lastError: r.last_error };
  }

  async nextDueAt(): Promise<Date | undefined> {
    const r = await this.db.selectFrom('jobs').select((eb) => eb.fn.min('due_at').as('due')).where('status', '=', 'pending').executeTakeFirst();
    return r?.due == null ? undefined : new Date(Number(r.due));
  }

  async countByStatus(kind?: string): Promise<Record<string, number>> {
    let q = this.db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
    if (kind) q = q.where('kind', '=', kind);
    const rows = await q.execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}

/**
 * The rows a claim takes: due, not leased, the most urgent first. It reads them in the order of
 * the index `jobs_pending_claim_order` (migration 0113), so its cost does not grow with the backlog.
 */
export function claimCandidates(dialect: Dialect, nowMs: number, limit: number) {
  const skipLocked = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  return sql<{ id: string }>`
    select id from jobs
    where status = 'pending' and due_at <= ${nowMs} and (locked_until is null or locked_until < ${nowMs})
    order by due_at + priority
    limit ${limit}
    ${skipLocked}`;
}
