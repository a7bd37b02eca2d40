import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('status_checks')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('probes', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('status_checks_pk', ['service_id', 'checked_at'])
    .execute();
  // Uptime reads a time range over every service; pruning deletes by time.
  await db.schema.createIndex('status_checks_checked_at').on('status_checks').columns(['checked_at']).execute();

  await db.schema
    .createTable('status_service_state')
    .addColumn('service_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text')
    .addColumn('since', 'bigint')
    .addColumn('pending', 'text')
    .addColumn('pending_count', 'integer', (c) => c.notNull())
    .addColumn('pending_since', 'bigint')
    .addColumn('last_state', 'text', (c) => c.notNull())
    .addColumn('last_detail', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'bigint', (c) => c.notNull())
    .addColumn('page_open', 'integer', (c) => c.notNull())
    .addColumn('page_ref', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('status_service_state').execute();
  await db.schema.dropTable('status_checks').execute();
}
