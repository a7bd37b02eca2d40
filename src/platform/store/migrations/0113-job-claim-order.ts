import { sql, type Kysely } from 'kysely';

/**
 * The claim reads pending rows in the order it takes them (due time plus the priority's yield), so
 * with an index on exactly that it walks the index and stops after the rows it claims. Without it
 * every claim read and sorted the whole due backlog: the further behind the runner fell, the more
 * each claim cost, and a burst of escalation steps on PostgreSQL fell behind by seconds instead of
 * catching up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('jobs_pending_claim_order')
    .on('jobs')
    // An expression in an index is written in parentheses of its own (PostgreSQL requires them).
    .expression(sql`(due_at + priority)`)
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}
