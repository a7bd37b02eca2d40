import type { Kysely, Transaction } from 'kysely';
import type { EscalationEffect, NotifyEffect, Transition } from '../domain/effects.ts';
import type { PageState } from '../domain/page-state.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { PagingDatabase, PagingTables } from './tables.ts';
import type { Dialect } from '../../platform/store/open-database.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';

export type Executor = Kysely<PagingDatabase> | Transaction<PagingDatabase>;

export const PAGE_JOB_KINDS = {
  step: 'page-step',
  notify: 'page-notify',
  pager: 'page-pager',
  post: 'page-post',
  sync: 'page-sync',
} as const;

export interface PageMessage {
  pageId: string;
  channel: string;
  ts: string;
  kind: 'channel' | 'dm';
  personId: string | null;
}

export interface AuditInfo {
  actor: string;
  action: string;
  payload?: Record<string, unknown>;
}

export type TransitionOutcome<T extends Transition> = { committed: boolean; result: T; before: PageState };

/** Raised inside a transaction to roll it back when the versioned UPDATE lost the race. */
class VersionConflict extends Error {}

/**
 * Pages with optimistic concurrency: the escalation core computes the next state, this writes it
 * with `WHERE version = <read version>` together with its effects (outbox rows, job rows) and the
 * audit entry in one transaction; a lost race reloads and re-runs the pure function.
 */
export class PageRepository {
  readonly db: Kysely<PagingDatabase>;
  constructor(
    db: Kysely<CoreTables>,
    readonly dialect: Dialect,
    private readonly jobs: Jobs,
    private readonly audit: AuditLog,
  ) {
    this.db = db.withTables<PagingTables>();
  }

  async load(id: string, trx: Executor = this.db, forUpdate = false): Promise<PageState | undefined> {
    let q = trx.selectFrom('pages').select(['state']).where('id', '=', id);
    if (forUpdate && this.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? (JSON.parse(row.state) as PageState) : undefined;
  }

  async listOpen(limit = 50): Promise<PageState[]> {
    const rows = await this.db.selectFrom('pages').select(['state']).where('status', '!=', 'resolved').orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => JSON.parse(r.state) as PageState);
  }

  /** Inserts a new page with its effects; false when a page with that id exists (a retried command). */
  async create(transition: Transition, now: Date, audit: AuditInfo): Promise<boolean> {
    const { state } = transition;
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('pages')
        .values({ ...this.columns(state, now), created_at: Date.parse(state.createdAt), state: JSON.stringify(state), timeline_posted: 0 })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
      await this.jobs.enqueue({ id: `page-post:${state.id}`, kind: PAGE_JOB_KINDS.post, dueAt: now, payload: { pageId: state.id } }, now, trx);
      await this.applyEffects(trx, state, transition.effects, now);
      await this.audit.record({ at: now, actor: audit.actor, action: audit.action, subject: `page:${state.id}`, payload: audit.payload ?? {} }, trx);
      return true;
    });
  }

  /**
   * Load, compute, write if the version still matches, else reload and compute again. `fn` sees
   * the fresh page every time; returning the same version means "nothing to write". `inTrx` runs
   * inside the winning transaction (e.g. completing the job that caused it).
   */
  async transition<T extends Transition>(
    id: string,
    now: Date,
    fn: (state: PageState) => T,
    audit?: (result: T, before: PageState) => AuditInfo | undefined,
    inTrx?: (trx: Transaction<PagingDatabase>) => Promise<void>,
  ): Promise<TransitionOutcome<T> | undefined> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.load(id);
      if (!before) return undefined;
      const result = fn(before);
      if (result.state.version === before.version) {
        if (inTrx) await this.db.transaction().execute(inTrx);
        return { committed: false, result, before };
      }
      try {
        await this.db.transaction().execute(async (trx) => {
          const r = await trx
            .updateTable('pages')
            .set({ ...this.columns(result.state, now), state: JSON.stringify(result.state) })
            .where('id', '=', id)
            .where('version', '=', before.version)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) throw new VersionConflict();
          await this.applyEffects(trx, result.state, result.effects, now);
          const info = audit?.(result, before);
          if (info) await this.audit.record({ at: now, actor: info.actor, action: info.action, subject: `page:${id}`, payload: info.payload ?? {} }, trx);
          if (inTrx) await inTrx(trx);
        });
        return { committed: true, result, before };
      } catch (err) {
        if (!(err instanceof VersionConflict) || attempt > 50) throw err;
      }
    }
  }

  private columns(state: PageState, now: Date) {
    return {
      id: state.id,
      subproject_id: state.subprojectId,
      severity: state.severity,
      status: state.status,
      version: state.version,
      step_seq: state.stepSeq,
      next_step_due_at: state.nextStepDueAt ? Date.parse(state.nextStepDueAt) : null,
      updated_at: now.getTime(),
    };
  }

  private async applyEffects(trx: Transaction<PagingDatabase>, state: PageState, effects: readonly EscalationEffect[], now: Date): Promise<void> {
    for (const e of effects) {
      switch (e.kind) {
        case 'notify':
          await trx
            .insertInto('page_outbox')
            .values({ key: e.key, page_id: e.pageId, payload: JSON.stringify(e), created_at: now.getTime(), sent_at: null, dropped_at: null })
            .onConflict((oc) => oc.column('key').doNothing())
            .execute();
          await this.jobs.enqueue({ id: `page-notify:${e.key}`, kind: PAGE_JOB_KINDS.notify, dueAt: now, payload: { key: e.key } }, now, trx);
          break;
        case 'schedule-next-step':
          await this.jobs.enqueue({ id: e.key, kind: PAGE_JOB_KINDS.step, dueAt: new Date(e.dueAt), payload: { pageId: e.pageId, stepSeq: e.stepSeq } }, now, trx);
          break;
        case 'cancel-next-step':
          // Tidiness only: a stale step job is a no-op (stepSeq check). Leave a job that is running alone.
          await trx
            .updateTable('jobs')
            .set({ status: 'cancelled', updated_at: now.getTime() })
            .where('kind', '=', PAGE_JOB_KINDS.step)
            .where('status', '=', 'pending')
            .where('locked_by', 'is', null)
            .where('id', 'like', `${e.pageId}:step:%`)
            .execute();
          break;
        case 'pager':
          await this.jobs.enqueue({ id: `page-pager:${e.key}`, kind: PAGE_JOB_KINDS.pager, dueAt: e.dueAt ? new Date(e.dueAt) : now, payload: e }, now, trx);
          break;
        case 'policy-exhausted':
          break;
      }
    }
    // Every change is shown on Slack: one sync job per version (ids are idempotency keys).
    await this.jobs.enqueue({ id: `page-sync:${state.id}:${state.version}`, kind: PAGE_JOB_KINDS.sync, dueAt: now, payload: { pageId: state.id } }, now, trx);
  }

  // ---- outbox ----

  async outboxEntry(key: string, trx: Executor = this.db): Promise<{ effect: NotifyEffect; sentAt: number | null; droppedAt: number | null } | undefined> {
    const row = await trx.selectFrom('page_outbox').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? { effect: JSON.parse(row.payload) as NotifyEffect, sentAt: row.sent_at, droppedAt: row.dropped_at } : undefined;
  }

  async markOutbox(key: string, how: 'sent' | 'dropped', now: Date, trx: Executor): Promise<boolean> {
    const r = await trx
      .updateTable('page_outbox')
      .set(how === 'sent' ? { sent_at: now.getTime() } : { dropped_at: now.getTime() })
      .where('key', '=', key)
      .where('sent_at', 'is', null)
      .where('dropped_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async outbox(pageId: string): Promise<{ key: string; sent: boolean; dropped: boolean; effect: NotifyEffect }[]> {
    const rows = await this.db.selectFrom('page_outbox').selectAll().where('page_id', '=', pageId).orderBy('created_at').orderBy('key').execute();
    return rows.map((r) => ({ key: r.key, sent: r.sent_at !== null, dropped: r.dropped_at !== null, effect: JSON.parse(r.payload) as NotifyEffect }));
  }

  // ---- messages ----

  async addMessage(m: PageMessage, now: Date, trx: Executor = this.db): Promise<void> {
    await trx
      .insertInto('page_messages')
      .values({ page_id: m.pageId, channel: m.channel, ts: m.ts, kind: m.kind, person_id: m.personId, created_at: now.getTime() })
      .onConflict((oc) => oc.columns(['page_id', 'channel', 'ts']).doNothing())
      .execute();
  }

  async messages(pageId: string): Promise<PageMessage[]> {
    const rows = await this.db.selectFrom('page_messages').selectAll().where('page_id', '=', pageId).orderBy('created_at').execute();
    return rows.map((r) => ({ pageId: r.page_id, channel: r.channel, ts: r.ts, kind: r.kind, personId: r.person_id }));
  }

  /** Claims timeline entries [from, to) for posting; false when another sync already took them. */
  async claimTimeline(pageId: string, from: number, to: number): Promise<boolean> {
    const r = await this.db.updateTable('pages').set({ timeline_posted: to }).where('id', '=', pageId).where('timeline_posted', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async timelinePosted(pageId: string): Promise<number> {
    const r = await this.db.selectFrom('pages').select('timeline_posted').where('id', '=', pageId).executeTakeFirst();
    return r ? Number(r.timeline_posted) : 0;
  }
}

