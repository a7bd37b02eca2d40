import type { Kysely } from 'kysely';
import type { Effect } from '../../platform/outbox/effects.ts';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import { OPEN_STATES, type Ticket } from '../domain/ticket.ts';
import type { TicketStore } from '../ports/ticket-store.ts';
import type { RequestsDatabase, RequestsTable, RequestTables } from './tables.ts';

function toRow(t: Ticket): RequestsTable {
  return {
    id: t.id,
    state: t.state,
    kind: t.spec.kind,
    requester: t.requester,
    repo: t.repo.toLowerCase(),
    issue_number: t.issue?.number ?? null,
    pr_number: t.pr?.number ?? null,
    created_at: t.createdAt,
    last_activity_at: t.lastActivityAt,
    version: t.version,
    data: JSON.stringify(t),
  };
}

const fromRow = (r: { data: string }): Ticket => JSON.parse(r.data) as Ticket;

/** Tickets on the bot's database (SQLite or PostgreSQL), each write with its effects in one `commit`. */
export function sqlTicketStore(core: Kysely<CoreTables>, commit: CommitTransition): TicketStore {
  const db: Kysely<RequestsDatabase> = core.withTables<RequestTables>();
  return {
    create: (ticket, effects) =>
      commit(db, async (trx) => {
        const r = await trx.insertInto('requests').values(toRow(ticket)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
        const inserted = Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
        return { result: inserted, effects: inserted ? effects : [] };
      }),
    async get(id) {
      const r = await db.selectFrom('requests').select('data').where('id', '=', id).executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },
    async byGithub(repo, number) {
      const r = await db
        .selectFrom('requests')
        .select('data')
        .where('repo', '=', repo.toLowerCase())
        .where((eb) => eb.or([eb('issue_number', '=', number), eb('pr_number', '=', number)]))
        .executeTakeFirst();
      return r ? fromRow(r) : undefined;
    },
    async byRequester(requester, limit) {
      const rows = await db.selectFrom('requests').select('data').where('requester', '=', requester).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(fromRow);
    },
    async open(limit) {
      const rows = await db.selectFrom('requests').select('data').where('state', 'in', [...OPEN_STATES]).orderBy('created_at', 'asc').limit(limit).execute();
      return rows.map(fromRow);
    },
    save: (before, after, effects) =>
      commit(db, async (trx): Promise<{ result: Ticket | 'conflict'; effects: readonly Effect[] }> => {
        const next = { ...after, version: before.version + 1 };
        const r = await trx.updateTable('requests').set(toRow(next)).where('id', '=', before.id).where('version', '=', before.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return { result: 'conflict' as const, effects: [] };
        return { result: next, effects };
      }),
  };
}
