import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from './core-tables.ts';

/** A database handle or an open transaction over tables `DB`. */
export type Executor<DB> = Kysely<DB> | Transaction<DB>;

/**
 * The platform's tables (jobs, audit log, processed keys) through any capability's handle: every
 * capability's database type includes `CoreTables`, but Kysely's types are invariant in the table
 * map, so this is the one place that narrows it.
 */
export function coreOf<DB extends CoreTables>(db: Executor<DB>): Kysely<CoreTables> {
  return db as unknown as Kysely<CoreTables>;
}
