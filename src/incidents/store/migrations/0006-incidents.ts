import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('commander', 'text', (c) => c.notNull())
    .addColumn('declarer', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('channel_id', 'text')
    .addColumn('channel_name', 'text')
    .addColumn('summary_ts', 'text')
    .addColumn('issue_number', 'integer')
    .addColumn('issue_url', 'text')
    .addColumn('review_issue_number', 'integer')
    .addColumn('review_issue_url', 'text')
    .addColumn('pages', 'text', (c) => c.notNull())
    .addColumn('update_seq', 'integer', (c) => c.notNull())
    .addColumn('declared_at', 'bigint', (c) => c.notNull())
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('mitigated_at', 'bigint')
    .addColumn('resolved_at', 'bigint')
    .addColumn('resolution', 'text')
    .addColumn('last_update_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_channel').on('incidents').column('channel_id').execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'declared_at']).execute();

  await db.schema
    .createTable('incident_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('dedup_key', 'text')
    .execute();
  await db.schema.createIndex('incident_timeline_by_incident').on('incident_timeline').columns(['incident_id', 'at', 'id']).execute();
  await db.schema.createIndex('incident_timeline_dedup').on('incident_timeline').columns(['incident_id', 'dedup_key']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_timeline').execute();
  await db.schema.dropTable('incidents').execute();
}
