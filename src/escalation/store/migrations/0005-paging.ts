import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subproject_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('step_seq', 'integer', (c) => c.notNull())
    .addColumn('next_step_due_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('timeline_posted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('pages_status').on('pages').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('page_messages')
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('ts', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_messages_pk', ['page_id', 'channel', 'ts'])
    .execute();

  await db.schema
    .createTable('page_outbox')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('dropped_at', 'bigint')
    .execute();
  await db.schema.createIndex('page_outbox_page').on('page_outbox').columns(['page_id']).execute();
}
