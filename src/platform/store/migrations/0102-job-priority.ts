import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { JOBS_DUE_CHANNEL_EXPRESSION } from '../jobs-due-listener.ts';

/**
 * Jobs are claimed by due time plus `priority` (ms a job yields to more urgent ones), so the work
 * a deadline hangs on (an escalation step) is not queued behind the deliveries it fans out into.
 * The partial index holds only pending rows (done rows pile up; the claim never reads them) by
 * due time: the claim reads the range due now and sorts that small set.
 *
 * PostgreSQL: a row that is pending and due now (inserted, or moved to now as by "Escalate now")
 * sends a NOTIFY on commit, so every replica's runner starts it without waiting for its poll.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('priority', 'integer', (c) => c.notNull().defaultTo(5000)).execute();
  await db.schema.createIndex('jobs_pending_claim').on('jobs').column('due_at').where(sql.ref('status'), '=', 'pending').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create or replace function jobs_notify_due() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.raw(JOBS_DUE_CHANNEL_EXPRESSION)}, '');
      return null;
    end $$`.execute(db);
  await sql`
    create trigger jobs_notify_due after insert or update of due_at on jobs
    for each row when (new.status = 'pending' and new.due_at <= (extract(epoch from clock_timestamp()) * 1000)::bigint)
    execute function jobs_notify_due()`.execute(db);
}
