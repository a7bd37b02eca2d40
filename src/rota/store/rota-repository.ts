import type { Executor } from '../../platform/store/executor.ts';
import type { Shadow } from '../domain/shadow.ts';
import type { Override, RotaChanges, Swap } from '../domain/types.ts';
import type { AnnouncementRecord, DecideResult, NewOverride, NewSwap, RotaChangesSource, RotaReads, RotaWrites, ShadowSource, StoredOverride, StoredSwap } from '../ports.ts';
import type { RotaDatabase } from './tables.ts';

/**
 * Overrides, swaps and handoff bookkeeping over a database handle or an open transaction (the
 * rota's commit builds one per transaction). Audit entries and jobs are not written here: they
 * are the effects the use cases return to `platform.commit`, applied in the same transaction.
 */
export class RotaRepository implements RotaChangesSource, ShadowSource, RotaReads, RotaWrites {
  constructor(
    private readonly db: Executor<RotaDatabase>,
    /** Which subprojects use a rotation: their overrides apply to it. */
    private readonly subprojectsOfRotation: (rotationId: string) => readonly string[],
  ) {}

  async overridesOf(subprojectIds: readonly string[], from: Date, to: Date): Promise<StoredOverride[]> {
    if (subprojectIds.length === 0) return [];
    const rows = await this.db
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

  async acceptedSwaps(rotationId: string): Promise<StoredSwap[]> {
    const rows = await this.db
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

  async insertOverride(o: NewOverride, now: Date): Promise<boolean> {
    const r = await this.db
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
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async insertSwap(s: NewSwap, now: Date): Promise<boolean> {
    const r = await this.db
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
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async insertShadow(s: Shadow, now: Date): Promise<boolean> {
    const r = await this.db
      .insertInto('rota_shadows')
      .values({
        key: s.key,
        rotation_id: s.rotationId,
        person_id: s.personId,
        from_at: s.from.getTime(),
        until_at: s.until.getTime(),
        reason: s.reason,
        created_at: now.getTime(),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async getShadow(key: string): Promise<Shadow | undefined> {
    const r = await this.db.selectFrom('rota_shadows').selectAll().where('key', '=', key).executeTakeFirst();
    return r && toShadow(r);
  }

  /** Shadows of these rotations overlapping [from, to), earliest first. */
  async shadowsOf(rotationIds: readonly string[], from: Date, to: Date): Promise<Shadow[]> {
    if (rotationIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('rota_shadows')
      .selectAll()
      .where('rotation_id', 'in', [...rotationIds])
      .where('until_at', '>', from.getTime())
      .where('from_at', '<', to.getTime())
      .orderBy('from_at', 'asc')
      .orderBy('key', 'asc')
      .execute();
    return rows.map(toShadow);
  }

  async getSwap(id: string): Promise<StoredSwap | undefined> {
    const r = await this.db.selectFrom('rota_swaps').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toSwap(r);
  }

  /**
   * A conditional update on `status = 'proposed'`, so a double click or two replicas decide it
   * one time; the loser gets the standing decision.
   */
  async decideSwap(id: string, decision: 'accepted' | 'declined', by: string, now: Date): Promise<DecideResult> {
    const r = await this.db
      .updateTable('rota_swaps')
      .set({ status: decision, decided_at: now.getTime(), decided_by: by })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    const swap = await this.getSwap(id);
    if (!swap) return { kind: 'not-found' };
    return Number(r.numUpdatedRows) === 0 ? { kind: 'already', swap } : { kind: 'decided', swap };
  }

  async recordAnnouncement(a: AnnouncementRecord, now: Date): Promise<boolean> {
    const r = await this.db
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

  async announcementAt(subprojectId: string, at: Date): Promise<AnnouncementRecord | undefined> {
    const r = await this.db.selectFrom('rota_announcements').selectAll().where('key', '=', announcementKey(subprojectId, at)).executeTakeFirst();
    return r && toAnnouncement(r);
  }

  async lastAnnouncementBefore(subprojectId: string, before: Date): Promise<AnnouncementRecord | undefined> {
    const r = await this.db
      .selectFrom('rota_announcements')
      .selectAll()
      .where('subproject_id', '=', subprojectId)
      .where('at', '<', before.getTime())
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r && toAnnouncement(r);
  }
}

function announcementKey(subprojectId: string, at: Date): string {
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

function toShadow(r: RotaDatabase['rota_shadows']): Shadow {
  return { key: r.key, rotationId: r.rotation_id, personId: r.person_id, from: new Date(Number(r.from_at)), until: new Date(Number(r.until_at)), reason: r.reason };
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
