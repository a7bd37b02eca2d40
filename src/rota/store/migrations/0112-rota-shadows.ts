import type { Kysely } from 'kysely';

/**
 * Shadow shifts: a new owner notified with the primary of a rotation for a while (booked by the
 * owners capability when a nomination is accepted, through the rota's api; never from Slack).
 * `key` is the booking's idempotency key, so a retried booking is stored once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rota_shadows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('rotation_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    .addColumn('until_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rota_shadows_span').on('rota_shadows').columns(['rotation_id', 'until_at', 'from_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rota_shadows').execute();
}
