import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .addColumn('issue_repo', 'text')
    .addColumn('issue_number', 'integer')
    .addColumn('pr_repo', 'text')
    .addColumn('pr_number', 'integer')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('changes_by_state').on('changes').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('changes_by_decision').on('changes').columns(['decided_at']).execute();
  await db.schema.createIndex('changes_by_issue').on('changes').columns(['issue_repo', 'issue_number']).execute();
  await db.schema.createIndex('changes_by_pr').on('changes').columns(['pr_repo', 'pr_number']).execute();

  await db.schema
    .createTable('change_reviews')
    .addColumn('change_id', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('change_reviews_pk', ['change_id', 'reviewer'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('change_reviews').execute();
  await db.schema.dropTable('changes').execute();
}
