import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rota_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subproject_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    .addColumn('to_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rota_overrides_span').on('rota_overrides').columns(['subproject_id', 'to_at', 'from_at']).execute();

  await db.schema
    .createTable('rota_swaps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('requester_shift', 'bigint', (c) => c.notNull())
    .addColumn('counterpart_id', 'text', (c) => c.notNull())
    .addColumn('counterpart_shift', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('decided_by', 'text')
    .execute();
  await db.schema.createIndex('rota_swaps_rotation').on('rota_swaps').columns(['rotation_id', 'status']).execute();

  await db.schema
    .createTable('rota_announcements')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('subproject_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rota_announcements_at').on('rota_announcements').columns(['subproject_id', 'at']).execute();
}
