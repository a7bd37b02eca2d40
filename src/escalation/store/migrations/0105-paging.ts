import { sql, type Kysely } from 'kysely';

/**
 * Delivery under faults and who may page:
 * - `page_outbox.sending_at`: the "sending" mark a notification gets, committed before its DM goes
 *   out with nothing held; a retry that finds it set looks for the DM before sending again;
 *   `sending_by`/`sending_until`: which job run is sending it, until when (a fence: a second run
 *   of the same job, after a lost lease, waits instead of sending too);
 * - `pages.timeline_scheduled`: timeline entries handed to a thread delivery job (retried until
 *   posted), beside `timeline_posted`, the entries confirmed in the thread;
 * - `page_reports`: every page a person asked for, so people not in the config are limited per
 *   hour across replicas, and a retried request counts once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('page_outbox').addColumn('sending_at', 'bigint').execute();
  await db.schema.alterTable('page_outbox').addColumn('sending_by', 'text').execute();
  await db.schema.alterTable('page_outbox').addColumn('sending_until', 'bigint').execute();
  await db.schema.alterTable('pages').addColumn('timeline_scheduled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // Entries claimed before this migration were posted (or lost) by the old sync: nothing to hand out again.
  await sql`update pages set timeline_scheduled = timeline_posted`.execute(db);

  await db.schema
    .createTable('page_reports')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('reporter', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('subproject_id', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('page_reports_reporter').on('page_reports').columns(['reporter', 'at']).execute();
}
