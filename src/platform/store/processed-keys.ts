import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database-schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Claims `key` once. Returns true the first time and false ever after, so a retried Slack
 * delivery or a double click can be answered without acting again.
 */
export async function claimKey(db: Executor, key: string, at: Date): Promise<boolean> {
  const result = await db
    .insertInto('processed_keys')
    .values({ key, at: at.getTime(), result: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function rememberResult(db: Executor, key: string, result: unknown): Promise<void> {
  await db.updateTable('processed_keys').set({ result: JSON.stringify(result) }).where('key', '=', key).execute();
}

export async function previousResult<T>(db: Executor, key: string): Promise<T | undefined> {
  const row = await db.selectFrom('processed_keys').select('result').where('key', '=', key).executeTakeFirst();
  return row?.result ? (JSON.parse(row.result) as T) : undefined;
}
