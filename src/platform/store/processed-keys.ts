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
