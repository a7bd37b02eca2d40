import type { CoreTables } from './core-tables.ts';
import { coreOf, type Executor } from './executor.ts';

/**
 * Claims `key` once. Returns true the first time and false ever after, so a retried Slack
 * delivery or a double click can be answered without acting again.
 */
export async function claimKey<DB extends CoreTables>(executor: Executor<DB>, key: string, at: Date): Promise<boolean> {
  const result = await coreOf(executor)
    .insertInto('processed_keys')
    .values({ key, at: at.getTime(), result: null })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function rememberResult<DB extends CoreTables>(executor: Executor<DB>, key: string, result: unknown): Promise<void> {
  await coreOf(executor).updateTable('processed_keys').set({ result: JSON.stringify(result) }).where('key', '=', key).execute();
}

export async function previousResult<T, DB extends CoreTables = CoreTables>(executor: Executor<DB>, key: string): Promise<T | undefined> {
  const row = await coreOf(executor).selectFrom('processed_keys').select('result').where('key', '=', key).executeTakeFirst();
  return row?.result ? (JSON.parse(row.result) as T) : undefined;
}
