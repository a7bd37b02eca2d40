import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One sealed record per person (AES-256-GCM; see contact-cipher.ts): nothing readable at rest.
  await db.schema
    .createTable('owners_contacts')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owners_contacts_key').on('owners_contacts').column('key_id').execute();

  await db.schema
    .createTable('owners_nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subproject_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('nominator_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('statements', 'text', (c) => c.notNull())
    .addColumn('issue_number', 'integer')
    .addColumn('issue_url', 'text')
    .addColumn('deadline_at', 'bigint')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    .execute();
  await db.schema.createIndex('owners_nominations_open').on('owners_nominations').columns(['subproject_id', 'person_id', 'status']).execute();

  await db.schema
    .createTable('owners_votes')
    .addColumn('nomination_id', 'text', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('vote', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('owners_votes_pk', ['nomination_id', 'voter_id'])
    .execute();

  // What the weekly staffing check last posted, per subproject: it posts only what got worse.
  await db.schema
    .createTable('owners_staffing_state')
    .addColumn('subproject_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('checked_slot', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['owners_staffing_state', 'owners_votes', 'owners_nominations', 'owners_contacts']) await db.schema.dropTable(t).execute();
}
