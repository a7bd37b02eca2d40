import type { Kysely, Transaction } from 'kysely';
import type { Nomination, NominationStatus, Statements, Vote } from '../domain/nomination.ts';
import type { OwnersDatabase, OwnersNominationsTable } from './tables.ts';

type Db = Kysely<OwnersDatabase> | Transaction<OwnersDatabase>;

/** Nominations, offboardings and their votes. */
export class NominationStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Nomination | undefined> {
    const r = await this.db.selectFrom('owners_nominations').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toNomination(r) : undefined;
  }

  async openFor(subprojectId: string, personId: string): Promise<Nomination | undefined> {
    const r = await this.db.selectFrom('owners_nominations').selectAll().where('subproject_id', '=', subprojectId).where('person_id', '=', personId).where('status', '=', 'open').executeTakeFirst();
    return r ? toNomination(r) : undefined;
  }

  /** Every open nomination (offboardings are decided at once, so never open), oldest first. */
  async open(): Promise<Nomination[]> {
    const rows = await this.db.selectFrom('owners_nominations').selectAll().where('status', '=', 'open').where('kind', '=', 'nominate').orderBy('created_at').orderBy('id').execute();
    return rows.map(toNomination);
  }

  /** Of these nominations, the ones this person has voted on. */
  async votedOn(voterId: string, nominationIds: readonly string[]): Promise<Set<string>> {
    if (nominationIds.length === 0) return new Set();
    const rows = await this.db.selectFrom('owners_votes').select('nomination_id').where('voter_id', '=', voterId).where('nomination_id', 'in', [...nominationIds]).execute();
    return new Set(rows.map((r) => r.nomination_id));
  }

  /** False when the id exists already (a retried submission). */
  async insert(n: Nomination): Promise<boolean> {
    const r = await this.db
      .insertInto('owners_nominations')
      .values({
        id: n.id,
        kind: n.kind,
        subproject_id: n.subprojectId,
        person_id: n.personId,
        nominator_id: n.nominatorId,
        status: n.status,
        statements: JSON.stringify(n.statements),
        issue_number: n.issueNumber ?? null,
        issue_url: n.issueUrl ?? null,
        deadline_at: n.deadlineAt?.getTime() ?? null,
        outcome: null,
        created_at: n.createdAt.getTime(),
        decided_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async setIssue(id: string, issue: { number: number; url: string }): Promise<void> {
    await this.db.updateTable('owners_nominations').set({ issue_number: issue.number, issue_url: issue.url }).where('id', '=', id).execute();
  }

  async setIntent(id: string, intent: string): Promise<void> {
    const n = await this.get(id);
    if (!n) return;
    await this.db.updateTable('owners_nominations').set({ statements: JSON.stringify({ ...n.statements, intent }) }).where('id', '=', id).execute();
  }

  /** Moves an open nomination to its outcome; false when it was decided already. */
  async decide(id: string, status: Exclude<NominationStatus, 'open'>, outcome: unknown, now: Date): Promise<boolean> {
    const r = await this.db.updateTable('owners_nominations').set({ status, outcome: JSON.stringify(outcome), decided_at: now.getTime() }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async setOutcome(id: string, outcome: unknown): Promise<void> {
    await this.db.updateTable('owners_nominations').set({ outcome: JSON.stringify(outcome) }).where('id', '=', id).execute();
  }

  async outcome(id: string): Promise<unknown> {
    const r = await this.db.selectFrom('owners_nominations').select('outcome').where('id', '=', id).executeTakeFirst();
    return r?.outcome ? JSON.parse(r.outcome) : undefined;
  }

  /** A person's vote; a second click changes it. Returns the vote it replaced, if any. */
  async vote(id: string, voterId: string, vote: Vote, now: Date): Promise<Vote | undefined> {
    const before = await this.db.selectFrom('owners_votes').select('vote').where('nomination_id', '=', id).where('voter_id', '=', voterId).executeTakeFirst();
    await this.db
      .insertInto('owners_votes')
      .values({ nomination_id: id, voter_id: voterId, vote, at: now.getTime() })
      .onConflict((oc) => oc.columns(['nomination_id', 'voter_id']).doUpdateSet({ vote, at: now.getTime() }))
      .execute();
    return before ? (before.vote as Vote) : undefined;
  }

  async votes(id: string): Promise<{ voterId: string; vote: Vote }[]> {
    const rows = await this.db.selectFrom('owners_votes').select(['voter_id', 'vote']).where('nomination_id', '=', id).orderBy('at').execute();
    return rows.map((r) => ({ voterId: r.voter_id, vote: r.vote === 'object' ? 'object' : 'support' }));
  }
}

function toNomination(r: OwnersNominationsTable): Nomination {
  return {
    id: r.id,
    kind: r.kind === 'offboard' ? 'offboard' : 'nominate',
    subprojectId: r.subproject_id,
    personId: r.person_id,
    nominatorId: r.nominator_id,
    status: r.status as NominationStatus,
    statements: JSON.parse(r.statements) as Statements,
    ...(r.issue_number !== null ? { issueNumber: Number(r.issue_number), issueUrl: r.issue_url ?? '' } : {}),
    ...(r.deadline_at !== null ? { deadlineAt: new Date(Number(r.deadline_at)) } : {}),
    createdAt: new Date(Number(r.created_at)),
  };
}
