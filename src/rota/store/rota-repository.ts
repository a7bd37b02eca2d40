import type { Kysely, Transaction } from 'kysely';
import type { RotaChangesSource } from '../on-call-service.ts';
import type { RotaChanges, Override, Swap } from '../domain/types.ts';
import type { AuditLog } from '../../platform/store/audit-log.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import type { RotaDatabase, RotaTables } from './tables.ts';
import type { Jobs, NewJob } from '../../platform/jobs/jobs.ts';

type Executor = Kysely<RotaDatabase> | Transaction<RotaDatabase>;

export interface StoredOverride {
  id: string;
  subprojectId: string;
  person: string;
  from: Date;
  to: Date;
  createdBy: string;
  createdAt: Date;
}

export type SwapStatus = 'proposed' | 'accepted' | 'declined';

export interface StoredSwap {
  id: string;
  rotationId: string;
  status: SwapStatus;
  requester: string;
  requesterShift: Date;
  counterpart: string;
  counterpartShift: Date;
  createdAt: Date;
  decidedAt?: Date;
  decidedBy?: string;
}

export interface AnnouncementRecord {
  subprojectId: string;
  at: Date;
  person: string | undefined;
  outcome: 'announced' | 'unchanged';
}

export type DecideResult = { kind: 'decided'; swap: StoredSwap } | { kind: 'already'; swap: StoredSwap } | { kind: 'not-found' };

/** Reads the changes the engine applies; all the on-call service needs. */
export class RotaChangesReader implements RotaChangesSource {
  protected readonly db: Kysely<RotaDatabase>;
  constructor(
    db: Kysely<CoreTables>,
    /** Which subprojects use a rotation: their overrides apply to it. */
    private readonly subprojectsOfRotation: (rotationId: string) => readonly string[],
  ) {
    this.db = db.withTables<RotaTables>();
  }

  async overridesOf(subprojectIds: readonly string[], from: Date, to: Date, trx: Executor = this.db): Promise<StoredOverride[]> {
    if (subprojectIds.length === 0) return [];
    const rows = await trx
      .selectFrom('rota_overrides')
      .selectAll()
      .where('subproject_id', 'in', [...subprojectIds])
      .where('to_at', '>', from.getTime())
      .where('from_at', '<', to.getTime())
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      subprojectId: r.subproject_id,
      person: r.person_id,
      from: new Date(Number(r.from_at)),
      to: new Date(Number(r.to_at)),
      createdBy: r.created_by,
      createdAt: new Date(Number(r.created_at)),
    }));
  }

  async acceptedSwaps(rotationId: string, trx: Executor = this.db): Promise<StoredSwap[]> {
    const rows = await trx
      .selectFrom('rota_swaps')
      .selectAll()
      .where('rotation_id', '=', rotationId)
      .where('status', '=', 'accepted')
      .orderBy('decided_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toSwap);
  }

  /** The engine's view of a rotation's changes: overrides of its subprojects overlapping [from, to), accepted swaps in the order agreed. */
  async forRotation(rotationId: string, from: Date, to: Date): Promise<RotaChanges> {
    const overrides: Override[] = (await this.overridesOf(this.subprojectsOfRotation(rotationId), from, to)).map((o) => ({
      id: o.id,
      person: o.person,
      from: o.from,
      to: o.to,
    }));
    const swaps: Swap[] = (await this.acceptedSwaps(rotationId)).map((s) => ({
      id: s.id,
      a: { person: s.requester, shiftStart: s.requesterShift },
      b: { person: s.counterpart, shiftStart: s.counterpartShift },
    }));
    return { overrides, swaps };
  }

}

/**
 * Overrides, swaps and handoff bookkeeping. Every change is written with its audit entry (and
 * any jobs it schedules) in one transaction, so the log never misses or invents one.
 */
export class RotaRepository extends RotaChangesReader {
  constructor(
    db: Kysely<CoreTables>,
    private readonly audit: AuditLog,
    private readonly jobs: Jobs,
    subprojectsOfRotation: (rotationId: string) => readonly string[],
  ) {
    super(db, subprojectsOfRotation);
  }

  /** Idempotent on `id`: a retried submission creates one override and one audit entry. Returns false when it already existed. */
  async createOverride(o: Omit<StoredOverride, 'createdAt'>, now: Date, jobs: readonly NewJob[] = []): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('rota_overrides')
        .values({
          id: o.id,
          subproject_id: o.subprojectId,
          person_id: o.person,
          from_at: o.from.getTime(),
          to_at: o.to.getTime(),
          created_by: o.createdBy,
          created_at: now.getTime(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
      await this.audit.record(
        {
          at: now,
          actor: o.createdBy,
          action: 'override.created',
          subject: `subproject:${o.subprojectId}`,
          payload: { overrideId: o.id, person: o.person, from: o.from.toISOString(), to: o.to.toISOString() },
        },
        trx,
      );
      for (const job of jobs) await this.jobs.enqueue(job, now, trx);
      return true;
    });
  }

  /** Idempotent on `id` (the modal's view id): a double submission proposes once. */
  async proposeSwap(s: Omit<StoredSwap, 'status' | 'createdAt' | 'decidedAt' | 'decidedBy'>, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('rota_swaps')
        .values({
          id: s.id,
          rotation_id: s.rotationId,
          status: 'proposed',
          requester_id: s.requester,
          requester_shift: s.requesterShift.getTime(),
          counterpart_id: s.counterpart,
          counterpart_shift: s.counterpartShift.getTime(),
          created_at: now.getTime(),
          decided_at: null,
          decided_by: null,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
      await this.audit.record(
        {
          at: now,
          actor: s.requester,
          action: 'swap.proposed',
          subject: `rotation:${s.rotationId}`,
          payload: { swapId: s.id, requester: s.requester, requesterShift: s.requesterShift.toISOString(), counterpart: s.counterpart, counterpartShift: s.counterpartShift.toISOString() },
        },
        trx,
      );
      return true;
    });
  }

  async getSwap(id: string, trx: Executor = this.db): Promise<StoredSwap | undefined> {
    const r = await trx.selectFrom('rota_swaps').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toSwap(r);
  }

  /**
   * Accepts or declines a proposal once: a conditional update on `status = 'proposed'`, so a
   * double click or two replicas decide it one time; the loser gets the standing decision.
   */
  async decideSwap(id: string, decision: 'accepted' | 'declined', by: string, now: Date, jobs: readonly NewJob[] = []): Promise<DecideResult> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('rota_swaps')
        .set({ status: decision, decided_at: now.getTime(), decided_by: by })
        .where('id', '=', id)
        .where('status', '=', 'proposed')
        .executeTakeFirst();
      const swap = await this.getSwap(id, trx);
      if (!swap) return { kind: 'not-found' } as const;
      if (Number(r.numUpdatedRows) === 0) return { kind: 'already', swap } as const;
      await this.audit.record(
        { at: now, actor: by, action: decision === 'accepted' ? 'swap.accepted' : 'swap.declined', subject: `rotation:${swap.rotationId}`, payload: { swapId: id } },
        trx,
      );
      if (decision === 'accepted') for (const job of jobs) await this.jobs.enqueue(job, now, trx);
      return { kind: 'decided', swap } as const;
    });
  }

  /** Records what a handoff job decided. Returns false when that handoff was already recorded (a re-run). */
  async recordAnnouncement(a: AnnouncementRecord, now: Date, trx: Executor = this.db): Promise<boolean> {
    const r = await trx
      .insertInto('rota_announcements')
      .values({
        key: announcementKey(a.subprojectId, a.at),
        subproject_id: a.subprojectId,
        at: a.at.getTime(),
        person_id: a.person ?? null,
        outcome: a.outcome,
        created_at: now.getTime(),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async announcementAt(subprojectId: string, at: Date, trx: Executor = this.db): Promise<AnnouncementRecord | undefined> {
    const r = await trx.selectFrom('rota_announcements').selectAll().where('key', '=', announcementKey(subprojectId, at)).executeTakeFirst();
    return r && toAnnouncement(r);
  }

  /** The latest handoff recorded before `before`: who the channel was last told about. */
  async lastAnnouncementBefore(subprojectId: string, before: Date, trx: Executor = this.db): Promise<AnnouncementRecord | undefined> {
    const r = await trx
      .selectFrom('rota_announcements')
      .selectAll()
      .where('subproject_id', '=', subprojectId)
      .where('at', '<', before.getTime())
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r && toAnnouncement(r);
  }

  async announcements(subprojectId: string): Promise<AnnouncementRecord[]> {
    const rows = await this.db.selectFrom('rota_announcements').selectAll().where('subproject_id', '=', subprojectId).orderBy('at', 'asc').execute();
    return rows.map(toAnnouncement);
  }
}

export function announcementKey(subprojectId: string, at: Date): string {
  return `${subprojectId}:${at.toISOString()}`;
}

function toSwap(r: RotaDatabase['rota_swaps']): StoredSwap {
  return {
    id: r.id,
    rotationId: r.rotation_id,
    status: r.status,
    requester: r.requester_id,
    requesterShift: new Date(Number(r.requester_shift)),
    counterpart: r.counterpart_id,
    counterpartShift: new Date(Number(r.counterpart_shift)),
    createdAt: new Date(Number(r.created_at)),
    ...(r.decided_at != null ? { decidedAt: new Date(Number(r.decided_at)) } : {}),
    ...(r.decided_by != null ? { decidedBy: r.decided_by } : {}),
  };
}

function toAnnouncement(r: RotaDatabase['rota_announcements']): AnnouncementRecord {
  return { subprojectId: r.subproject_id, at: new Date(Number(r.at)), person: r.person_id ?? undefined, outcome: r.outcome };
}

/** Subproject ids per rotation id, from the config: a subproject's overrides apply to each of its layers. */
export function subprojectsOfRotation(subprojects: readonly { id: string; rotations: readonly string[] }[]): (rotationId: string) => readonly string[] {
  const map = new Map<string, string[]>();
  for (const s of subprojects) for (const r of s.rotations) map.set(r, [...(map.get(r) ?? []), s.id]);
  return (rotationId) => map.get(rotationId) ?? [];
}
