import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('repo', 'text', (c) => c.notNull())
    .addColumn('issue_number', 'integer')
    .addColumn('pr_number', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_by_requester').on('requests').columns(['requester', 'created_at']).execute();
  await db.schema.createIndex('requests_by_state').on('requests').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('requests_by_issue').on('requests').columns(['repo', 'issue_number']).execute();
  await db.schema.createIndex('requests_by_pr').on('requests').columns(['repo', 'pr_number']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('requests').execute();
}
