import { sql, type Kysely } from 'kysely';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import { audit as auditEffect, type Effect } from '../../platform/outbox/effects.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { Executor } from '../../platform/store/executor.ts';
import type { Dialect } from '../../platform/store/open-database.ts';
import type { EscalationEffect, NotifyEffect, Transition } from '../domain/effects.ts';
import type { PageState } from '../domain/page-state.ts';
import type { PostedMessage } from '../../core/notifier.ts';
import type { DeliveryStart, OutboxEntry, PageAudit, PageMessage, PageStore, TimelineBatch, TransitionOptions, TransitionOutcome } from '../ports/page-store.ts';
import { pageJobEffects, pagePostEffect, pageSyncAfterDelivery, pageThreadEffect } from './page-effects.ts';
import type { PagingDatabase, PagingTables } from './tables.ts';

type CreateUnlessOpen = Awaited<ReturnType<PageStore['createUnlessOpen']>>;

/** Raised inside a transaction to roll it back when the versioned UPDATE lost the race. */
class VersionConflict extends Error {}

/** A lost race is retried this many times; more means something rewrites the page in a loop. */
const MAX_RACES = 50;

/**
 * How long a job run may take to send one DM before another run may take over (with a look for
 * the DM first): longer than a DM can take (a channel look-up, a check and a post, 10 s each at most).
 */
export const SENDING_FENCE_MS = 60_000;

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

  async load(id: string, trx: Executor<PagingDatabase> = this.db): Promise<PageState | undefined> {
    const row = await trx.selectFrom('pages').select(['state']).where('id', '=', id).executeTakeFirst();
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
        .values({ ...this.columns(state, now), created_at: Date.parse(state.createdAt), state: JSON.stringify(state), timeline_posted: 0, timeline_scheduled: 0 })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { result: false, effects: [] };
      await this.queueNotifications(trx, transition.effects, now);
      return { result: true, effects: [pagePostEffect(state, now), ...pageJobEffects(state, transition.effects, now), this.auditOf(state.id, audit, now)] };
    });
  }

  async createUnlessOpen(transition: Transition, now: Date, audit: PageAudit): Promise<CreateUnlessOpen> {
    const { state } = transition;
    return this.commit<PagingDatabase, CreateUnlessOpen>(this.db, async (trx) => {
      // Two people paging the same subproject at once, on two replicas, must not both raise a page.
      if (this.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`page-open:${state.subprojectId}`}))`.execute(trx);
      if (await trx.selectFrom('pages').select('id').where('id', '=', state.id).executeTakeFirst()) return { result: { kind: 'exists' }, effects: [] };
      const open = await trx
        .selectFrom('pages')
        .select('id')
        .where('subproject_id', '=', state.subprojectId)
        .where('status', '!=', 'resolved')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (open) return { result: { kind: 'open', pageId: open.id }, effects: [] };
      await trx.insertInto('pages').values({ ...this.columns(state, now), created_at: Date.parse(state.createdAt), state: JSON.stringify(state), timeline_posted: 0, timeline_scheduled: 0 }).execute();
      await this.queueNotifications(trx, transition.effects, now);
      return { result: { kind: 'created' }, effects: [pagePostEffect(state, now), ...pageJobEffects(state, transition.effects, now), this.auditOf(state.id, audit, now)] };
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
    return row ? { effect: JSON.parse(row.payload) as NotifyEffect, sendingAt: row.sending_at, sentAt: row.sent_at, droppedAt: row.dropped_at } : undefined;
  }

  async beginDelivery(key: string, now: Date, wanted: (page: PageState, effect: NotifyEffect) => boolean, run: string): Promise<DeliveryStart> {
    // Short and self-contained: the decision and the "sending" mark commit before the DM goes out,
    // so an acknowledgement never waits for Slack (and nothing here waits for it).
    return this.db.transaction().execute(async (trx): Promise<DeliveryStart> => {
      // FOR UPDATE (PostgreSQL): two runs of one job decide one after the other, so one holds the fence.
      let q = trx.selectFrom('page_outbox').selectAll().where('key', '=', key);
      if (this.dialect === 'postgres') q = q.forUpdate();
      const entry = await q.executeTakeFirst();
      if (!entry) return { kind: 'no-page' };
      if (entry.sent_at !== null || entry.dropped_at !== null) return { kind: 'settled-before' };
      if (entry.sending_by !== null && entry.sending_by !== run && (entry.sending_until ?? 0) > now.getTime()) return { kind: 'busy' };
      const page = await this.load(entry.page_id, trx);
      if (!page) return { kind: 'no-page' };
      const effect = JSON.parse(entry.payload) as NotifyEffect;
      const resumed = entry.sending_at !== null;
      if (!wanted(page, effect)) {
        if (resumed) return { kind: 'uncertain', page, effect };
        await this.settle(trx, key, 'dropped', now);
        return { kind: 'dropped', effect };
      }
      await trx
        .updateTable('page_outbox')
        .set({ sending_at: entry.sending_at ?? now.getTime(), sending_by: run, sending_until: now.getTime() + SENDING_FENCE_MS })
        .where('key', '=', key)
        .execute();
      return { kind: 'send', page, effect, resumed };
    });
  }

  async releaseDelivery(key: string, run: string): Promise<void> {
    await this.db.updateTable('page_outbox').set({ sending_by: null, sending_until: null }).where('key', '=', key).where('sending_by', '=', run).execute();
  }

  async finishDelivery(key: string, dm: PostedMessage, now: Date): Promise<PageState | undefined> {
    return this.commit(this.db, async (trx) => {
      const entry = await trx.selectFrom('page_outbox').select(['page_id', 'payload']).where('key', '=', key).executeTakeFirst();
      if (!entry) return { result: undefined, effects: [] };
      const effect = JSON.parse(entry.payload) as NotifyEffect;
      await this.settle(trx, key, 'sent', now);
      await this.insertMessage(trx, { pageId: entry.page_id, channel: dm.channel, ts: dm.ts, kind: 'dm', personId: effect.personId }, now);
      // Read after the DM is recorded: an acknowledgement committed before this is seen here (and
      // the DM is shown acknowledged by a sync of its own, at once); one committed after it finds
      // the DM among the page's messages when its own sync runs.
      const page = await this.load(entry.page_id, trx);
      const stale = page !== undefined && page.status !== 'triggered';
      return { result: page, effects: stale ? [pageSyncAfterDelivery(page, key, now)] : [] };
    });
  }

  async dropDelivery(key: string, now: Date): Promise<void> {
    await this.settle(this.db, key, 'dropped', now);
  }

  async messages(pageId: string): Promise<PageMessage[]> {
    const rows = await this.db.selectFrom('page_messages').selectAll().where('page_id', '=', pageId).orderBy('created_at').execute();
    return rows.map((r) => ({ pageId: r.page_id, channel: r.channel, ts: r.ts, kind: r.kind, personId: r.person_id }));
  }

  async addMessage(message: PageMessage, now: Date): Promise<void> {
    await this.insertMessage(this.db, message, now);
  }

  async timelineCursor(pageId: string): Promise<{ posted: number; scheduled: number } | undefined> {
    const r = await this.db.selectFrom('pages').select(['timeline_posted', 'timeline_scheduled']).where('id', '=', pageId).executeTakeFirst();
    return r ? { posted: Number(r.timeline_posted), scheduled: Number(r.timeline_scheduled) } : undefined;
  }

  async queueTimeline(pageId: string, now: Date): Promise<TimelineBatch | undefined> {
    return this.commit(this.db, async (trx) => {
      const batch = await this.handOut(trx, pageId, (posted, scheduled) => posted === scheduled);
      return { result: batch, effects: batch ? [pageThreadEffect(batch, now)] : [] };
    });
  }

  async timelineDelivered(batch: TimelineBatch, now: Date): Promise<TimelineBatch | undefined> {
    return this.commit(this.db, async (trx) => {
      const moved = await trx
        .updateTable('pages')
        .set({ timeline_posted: batch.to })
        .where('id', '=', batch.pageId)
        .where('timeline_posted', '=', batch.from)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return { result: undefined, effects: [] };
      // Entries added while this batch was in flight were left for it to hand out, in order.
      const next = await this.handOut(trx, batch.pageId, (_posted, scheduled) => scheduled === batch.to);
      return { result: next, effects: next ? [pageThreadEffect(next, now)] : [] };
    });
  }

  /** Claims the entries not yet handed out when `free` allows it; the claim commits with its job. */
  private async handOut(trx: Executor<PagingDatabase>, pageId: string, free: (posted: number, scheduled: number) => boolean): Promise<TimelineBatch | undefined> {
    const row = await trx.selectFrom('pages').select(['state', 'timeline_posted', 'timeline_scheduled']).where('id', '=', pageId).executeTakeFirst();
    if (!row) return undefined;
    const posted = Number(row.timeline_posted);
    const scheduled = Number(row.timeline_scheduled);
    const length = (JSON.parse(row.state) as PageState).timeline.length;
    if (!free(posted, scheduled) || length <= scheduled) return undefined;
    const claimed = await trx
      .updateTable('pages')
      .set({ timeline_scheduled: length })
      .where('id', '=', pageId)
      .where('timeline_scheduled', '=', scheduled)
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) > 0 ? { pageId, from: scheduled, to: length } : undefined;
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

  /** One outbox row per notification, in one statement; the unique key makes a retried transaction queue it once. */
  private async queueNotifications(trx: Executor<PagingDatabase>, effects: readonly EscalationEffect[], now: Date): Promise<void> {
    const rows = effects
      .filter((e): e is NotifyEffect => e.kind === 'notify')
      .map((e) => ({ key: e.key, page_id: e.pageId, payload: JSON.stringify(e), created_at: now.getTime(), sending_at: null, sending_by: null, sending_until: null, sent_at: null, dropped_at: null }));
    if (rows.length === 0) return;
    await trx.insertInto('page_outbox').values(rows).onConflict((oc) => oc.column('key').doNothing()).execute();
  }

  private async settle(trx: Executor<PagingDatabase>, key: string, how: 'sent' | 'dropped', now: Date): Promise<boolean> {
    const r = await trx
      .updateTable('page_outbox')
      .set(how === 'sent' ? { sent_at: now.getTime(), sending_by: null, sending_until: null } : { dropped_at: now.getTime(), sending_by: null, sending_until: null })
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
