import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('group_email', 'text', (c) => c.notNull())
    .addColumn('requester_slack', 'text', (c) => c.notNull())
    .addColumn('pr_branch', 'text')
    .addColumn('pr_number', 'integer')
    .addColumn('removal_pr_branch', 'text')
    .addColumn('removal_pr_number', 'integer')
    .addColumn('expires_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_requests_status').on('access_requests').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('access_requests_requester').on('access_requests').columns(['requester_slack', 'created_at']).execute();
  await db.schema.createIndex('access_requests_group').on('access_requests').columns(['group_email']).execute();
  await db.schema.createIndex('access_requests_pr_branch').on('access_requests').columns(['pr_branch']).execute();
  await db.schema.createIndex('access_requests_removal_pr_branch').on('access_requests').columns(['removal_pr_branch']).execute();
  await db.schema.createIndex('access_requests_expires_at').on('access_requests').columns(['expires_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_requests').execute();
}
