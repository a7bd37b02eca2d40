import type { Kysely, Selectable } from 'kysely';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { Effect } from '../../platform/outbox/effects.ts';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { ServiceCheck } from '../domain/aggregate-service.ts';
import { PROBE_STATES, type ProbeResult, type ProbeState } from '../domain/probe.ts';
import type { TrackedServiceState } from '../domain/track-service-state.ts';
import type { CheckRecord } from '../domain/uptime.ts';
import type { CheckGuard, CheckSaved, SavedCheck, StatusRepository } from '../ports/status-repository.ts';
import type { StatusDatabase, StatusServiceStateTable, StatusTables } from './tables.ts';

const num = (v: number | string | bigint): number => Number(v);
const optNum = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));
const optDate = (v: number | string | bigint | null): Date | null => (v === null ? null : new Date(Number(v)));

function toState(value: string): ProbeState {
  return (PROBE_STATES as readonly string[]).includes(value) ? (value as ProbeState) : 'unknown';
}

/**
 * StatusRepository over Kysely (SQLite and PostgreSQL). `saveCheck` appends the check, replaces
 * the tracked state and applies its effects (the alert and page jobs) in ONE transaction, through
 * the platform's outbox: a crash either loses the whole round for that service (the next round
 * redoes it) or keeps all of it, never an alert alone.
 */
export class KyselyStatusRepository implements StatusRepository {
  private readonly db: Kysely<StatusDatabase>;
  constructor(
    db: Kysely<CoreTables>,
    private readonly commit: CommitTransition,
  ) {
    this.db = db.withTables<StatusTables>();
  }

  async loadStates(serviceIds?: readonly string[]): Promise<TrackedServiceState[]> {
    if (serviceIds && serviceIds.length === 0) return [];
    let q = this.db.selectFrom('status_service_state').selectAll();
    if (serviceIds) q = q.where('service_id', 'in', [...serviceIds]);
    return (await q.execute()).map(rowToState);
  }

  async saveCheck(saved: SavedCheck, effects: readonly Effect[], guard: CheckGuard): Promise<CheckSaved> {
    const { check, state } = saved;
    return this.commit(this.db, async (trx): Promise<{ result: CheckSaved; effects: readonly Effect[] }> => {
      const row = stateToRow(state);
      // The page reference belongs to the page job (setPageRef): a check never overwrites it.
      const { service_id: _id, page_ref: _ref, ...update } = row;
      // Compare-and-set on the state the check was computed from; PostgreSQL makes a second
      // writer wait for the first and then see its row, SQLite has one writer at a time.
      const written =
        guard.previousCheckedAt === null
          ? await trx.insertInto('status_service_state').values(row).onConflict((oc) => oc.column('service_id').doNothing()).executeTakeFirst()
          : await trx.updateTable('status_service_state').set(update).where('service_id', '=', check.serviceId).where('last_checked_at', '=', guard.previousCheckedAt.getTime()).executeTakeFirst();
      const changed = 'numInsertedOrUpdatedRows' in written ? written.numInsertedOrUpdatedRows : written.numUpdatedRows;
      if (Number(changed ?? 0n) === 0) return { result: 'stale', effects: [] };
      await trx
        .insertInto('status_checks')
        .values({
          service_id: check.serviceId,
          checked_at: check.checkedAt.getTime(),
          state: check.state,
          detail: check.detail,
          probes: JSON.stringify(check.probes),
        })
        // A round retried after a crash may carry the same timestamp: one row is enough.
        .onConflict((oc) => oc.columns(['service_id', 'checked_at']).doNothing())
        .execute();
      return { result: 'saved', effects };
    });
  }

  async listCheckRecords(since: Date, serviceIds?: readonly string[]): Promise<CheckRecord[]> {
    if (serviceIds && serviceIds.length === 0) return [];
    let q = this.db.selectFrom('status_checks').select(['service_id', 'state', 'checked_at']).where('checked_at', '>=', since.getTime());
    if (serviceIds) q = q.where('service_id', 'in', [...serviceIds]);
    const rows = await q.orderBy('checked_at').orderBy('service_id').execute();
    return rows.map((r) => ({ serviceId: r.service_id, state: toState(r.state), checkedAt: new Date(num(r.checked_at)) }));
  }

  async latestChecks(serviceIds?: readonly string[]): Promise<ServiceCheck[]> {
    if (serviceIds && serviceIds.length === 0) return [];
    let newest = this.db.selectFrom('status_checks').select(['service_id']).select((eb) => eb.fn.max('checked_at').as('newest')).groupBy('service_id');
    if (serviceIds) newest = newest.where('service_id', 'in', [...serviceIds]);
    const rows = await this.db
      .selectFrom('status_checks as c')
      .innerJoin(newest.as('n'), (j) => j.onRef('n.service_id', '=', 'c.service_id').onRef('n.newest', '=', 'c.checked_at'))
      .selectAll('c')
      .orderBy('c.service_id')
      .execute();
    return rows.map((r) => ({
      serviceId: r.service_id,
      state: toState(r.state),
      detail: r.detail,
      checkedAt: new Date(num(r.checked_at)),
      probes: parseProbes(r.probes),
    }));
  }

  async pruneChecks(before: Date): Promise<number> {
    const r = await this.db.deleteFrom('status_checks').where('checked_at', '<', before.getTime()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async pageRef(serviceId: string): Promise<string | null> {
    const r = await this.db.selectFrom('status_service_state').select('page_ref').where('service_id', '=', serviceId).executeTakeFirst();
    return r?.page_ref ?? null;
  }

  async setPageRef(serviceId: string, ref: string | null): Promise<void> {
    await this.db.updateTable('status_service_state').set({ page_ref: ref }).where('service_id', '=', serviceId).execute();
  }
}

function stateToRow(s: TrackedServiceState): StatusServiceStateTable {
  return {
    service_id: s.serviceId,
    state: s.state,
    since: s.since?.getTime() ?? null,
    pending: s.pending,
    pending_count: s.pendingCount,
    pending_since: s.pendingSince?.getTime() ?? null,
    last_state: s.lastState,
    last_detail: s.lastDetail,
    last_checked_at: s.lastCheckedAt.getTime(),
    page_open: s.pageOpen ? 1 : 0,
    page_ref: null,
  };
}

function rowToState(r: Selectable<StatusServiceStateTable>): TrackedServiceState {
  return {
    serviceId: r.service_id,
    state: r.state === null ? null : toState(r.state),
    since: optDate(r.since),
    pending: r.pending === null ? null : toState(r.pending),
    pendingCount: num(r.pending_count),
    pendingSince: optDate(r.pending_since),
    lastState: toState(r.last_state),
    lastDetail: r.last_detail,
    lastCheckedAt: new Date(num(r.last_checked_at)),
    pageOpen: optNum(r.page_open) === 1,
  };
}

function parseProbes(text: string): ProbeResult[] {
  try {
    const raw = JSON.parse(text) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((p: unknown) => {
      if (typeof p !== 'object' || p === null) return [];
      const o = p as Record<string, unknown>;
      return [
        {
          probeId: String(o.probeId ?? ''),
          label: String(o.label ?? ''),
          state: toState(String(o.state ?? 'unknown')),
          detail: String(o.detail ?? ''),
          checkedAt: new Date(String(o.checkedAt ?? 0)),
          durationMs: Number(o.durationMs ?? 0),
        },
      ];
    });
  } catch {
    return [];
  }
}
