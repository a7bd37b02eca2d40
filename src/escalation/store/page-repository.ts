import type { Kysely } from 'kysely';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import { audit as auditEffect, type Effect } from '../../platform/outbox/effects.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { Executor } from '../../platform/store/executor.ts';
import type { Dialect } from '../../platform/store/open-database.ts';
import type { EscalationEffect, NotifyEffect, Transition } from '../domain/effects.ts';
import type { PageState } from '../domain/page-state.ts';
import type { DeliveryGate, DeliveryOutcome, OutboxEntry, PageAudit, PageMessage, PageStore, TransitionOptions, TransitionOutcome } from '../ports/page-store.ts';
import { pageJobEffects, pagePostEffect } from './page-effects.ts';
import type { PagingDatabase, PagingTables } from './tables.ts';

/** Raised inside a transaction to roll it back when the versioned UPDATE lost the race. */
class VersionConflict extends Error {}

/** A lost race is retried this many times; more means something rewrites the page in a loop. */
const MAX_RACES = 50;

/**
 * The page store over Kysely (SQLite or PostgreSQL). Writes go through the platform's `commit`,
 * which applies the jobs and audit entry of a change in the change's own transaction; the page
 * outbox (`page_outbox`) is paging's own table, because its sent/dropped gate is paging's rule.
 */
export class PageRepository implements PageStore {
  readonly db: Kysely<PagingDatabase>;

  constructor(
    db: Kysely<CoreTables>,
    readonly dialect: Dialect,
    private readonly commit: CommitTransition,
  ) {
    this.db = db.withTables<PagingTables>();
  }

  async load(id: string, trx: Executor<PagingDatabase> = this.db, forUpdate = false): Promise<PageState | undefined> {
    let q = trx.selectFrom('pages').select(['state']).where('id', '=', id);
    if (forUpdate && this.dialect === 'postgres') q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? (JSON.parse(row.state) as PageState) : undefined;
  }

  async listOpen(limit = 50): Promise<PageState[]> {
    const rows = await this.db.selectFrom('pages').select(['state']).where('status', '!=', 'resolved').orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((r) => JSON.parse(r.state) as PageState);
  }

  async create(transition: Transition, now: Date, audit: PageAudit): Promise<boolean> {
    const { state } = transition;
    return this.commit(this.db, async (trx) => {
      const inserted = await trx
        .insertInto('pages')
        .values({ ...this.columns(state, now), created_at: Date.parse(state.createdAt), state: JSON.stringify(state), timeline_posted: 0 })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { result: false, effects: [] };
      await this.queueNotifications(trx, transition.effects, now);
      return { result: true, effects: [pagePostEffect(state, now), ...pageJobEffects(state, transition.effects, now), this.auditOf(state.id, audit, now)] };
    });
  }

  async transition<T extends Transition>(id: string, now: Date, fn: (state: PageState) => T, options: TransitionOptions<T> = {}): Promise<TransitionOutcome<T> | undefined> {
    for (let attempt = 0; ; attempt++) {
      const before = await this.load(id);
      if (!before) return undefined;
      const result = fn(before);
      if (result.state.version === before.version) {
        const { completing } = options;
        if (completing) await this.db.transaction().execute((trx) => completing.complete(trx));
        return { committed: false, result, before };
      }
      try {
        await this.commit(this.db, async (trx) => {
          const r = await trx
            .updateTable('pages')
            .set({ ...this.columns(result.state, now), state: JSON.stringify(result.state) })
            .where('id', '=', id)
            .where('version', '=', before.version)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) throw new VersionConflict();
          await this.queueNotifications(trx, result.effects, now);
          if (options.completing) await options.completing.complete(trx);
          const info = options.audit?.(result, before);
          const effects: Effect[] = pageJobEffects(result.state, result.effects, now);
          if (info) effects.push(this.auditOf(id, info, now));
          return { result: undefined, effects };
        });
        return { committed: true, result, before };
      } catch (err) {
        if (!(err instanceof VersionConflict) || attempt > MAX_RACES) throw err;
      }
    }
  }

  async outboxEntry(key: string): Promise<OutboxEntry | undefined> {
    const row = await this.db.selectFrom('page_outbox').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? { effect: JSON.parse(row.payload) as NotifyEffect, sentAt: row.sent_at, droppedAt: row.dropped_at } : undefined;
  }

  async deliver(key: string, now: Date, gate: DeliveryGate): Promise<DeliveryOutcome> {
    return this.db.transaction().execute(async (trx): Promise<DeliveryOutcome> => {
      const entry = await trx.selectFrom('page_outbox').select(['page_id', 'payload']).where('key', '=', key).executeTakeFirst();
      if (!entry) return 'no-page';
      // FOR UPDATE (PostgreSQL): an ack on another replica waits until this send is done.
      const page = await this.load(entry.page_id, trx, true);
      if (!page) return 'no-page';
      const effect = JSON.parse(entry.payload) as NotifyEffect;
      if (!gate.wanted(page, effect)) return (await this.markOutbox(trx, key, 'dropped', now)) ? 'dropped' : 'settled-before';
      if (!(await this.markOutbox(trx, key, 'sent', now))) return 'settled-before';
      // Sent inside the transaction: a failed send rolls the mark back and the job retries.
      const dm = await gate.send(page, effect);
      await this.insertMessage(trx, { pageId: page.id, channel: dm.channel, ts: dm.ts, kind: 'dm', personId: effect.personId }, now);
      return 'sent';
    });
  }

  async messages(pageId: string): Promise<PageMessage[]> {
    const rows = await this.db.selectFrom('page_messages').selectAll().where('page_id', '=', pageId).orderBy('created_at').execute();
    return rows.map((r) => ({ pageId: r.page_id, channel: r.channel, ts: r.ts, kind: r.kind, personId: r.person_id }));
  }

  async addMessage(message: PageMessage, now: Date): Promise<void> {
    await this.insertMessage(this.db, message, now);
  }

  async timelinePosted(pageId: string): Promise<number> {
    const r = await this.db.selectFrom('pages').select('timeline_posted').where('id', '=', pageId).executeTakeFirst();
    return r ? Number(r.timeline_posted) : 0;
  }

  async claimTimeline(pageId: string, from: number, to: number): Promise<boolean> {
    const r = await this.db.updateTable('pages').set({ timeline_posted: to }).where('id', '=', pageId).where('timeline_posted', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
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

  private auditOf(pageId: string, info: PageAudit, now: Date): Effect {
    return auditEffect({ at: now, actor: info.actor, action: info.action, subject: `page:${pageId}`, payload: info.payload ?? {} });
  }

  /** One outbox row per notification; the unique key makes a retried transaction queue it once. */
  private async queueNotifications(trx: Executor<PagingDatabase>, effects: readonly EscalationEffect[], now: Date): Promise<void> {
    for (const e of effects) {
      if (e.kind !== 'notify') continue;
      await trx
        .insertInto('page_outbox')
        .values({ key: e.key, page_id: e.pageId, payload: JSON.stringify(e), created_at: now.getTime(), sent_at: null, dropped_at: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
  }

  private async markOutbox(trx: Executor<PagingDatabase>, key: string, how: 'sent' | 'dropped', now: Date): Promise<boolean> {
    const r = await trx
      .updateTable('page_outbox')
      .set(how === 'sent' ? { sent_at: now.getTime() } : { dropped_at: now.getTime() })
      .where('key', '=', key)
      .where('sent_at', 'is', null)
      .where('dropped_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  private async insertMessage(trx: Executor<PagingDatabase>, m: PageMessage, now: Date): Promise<void> {
    await trx
      .insertInto('page_messages')
      .values({ page_id: m.pageId, channel: m.channel, ts: m.ts, kind: m.kind, person_id: m.personId, created_at: now.getTime() })
      .onConflict((oc) => oc.columns(['page_id', 'channel', 'ts']).doNothing())
      .execute();
  }
}
