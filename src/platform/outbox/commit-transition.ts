import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CoreTables } from '../store/core-tables.ts';
import { claimKey } from '../store/processed-keys.ts';
import type { Effect } from './effects.ts';

/** What the write inside a transition returns: its own result and the effects to apply with it. */
export interface TransitionResult<T> {
  result: T;
  effects: readonly Effect[];
}

/**
 * Runs `write` in a transaction over the capability's tables, applies its effects in the same
 * transaction, commits, and wakes the job runner when a job was scheduled. Keep network calls
 * out of `write`: it holds a database connection (and on SQLite the only writer).
 */
export type CommitTransition = <DB extends CoreTables, T>(db: Kysely<DB>, write: (trx: Transaction<DB>, now: Date) => Promise<TransitionResult<T>>) => Promise<T>;

/** Runs `work` unless `key` was done before, then remembers it (at-least-once around a crash). */
export type Once = (key: string, work: () => Promise<void>) => Promise<'done' | 'already-done'>;

export function createCommitTransition(deps: { jobs: Jobs; audit: AuditLog; clock: Clock; wake: () => void }): CommitTransition {
  return async (db, write) => {
    const now = deps.clock.now();
    let scheduled = false;
    const result = await db.transaction().execute(async (trx) => {
      const out = await write(trx, now);
      for (const effect of out.effects) {
        switch (effect.kind) {
          case 'schedule':
          case 'deliver-once':
            if ((await deps.jobs.enqueue(effect.job, now, trx)) && effect.job.dueAt.getTime() <= now.getTime()) scheduled = true;
            break;
          case 'cancel':
            await deps.jobs.cancel(effect.jobId, now, trx);
            break;
          case 'audit':
            await deps.audit.record(effect.entry, trx);
            break;
        }
      }
      return out.result;
    });
    if (scheduled) deps.wake();
    return result;
  };
}

export function createOnce(db: Kysely<CoreTables>, clock: Clock): Once {
  return async (key, work) => {
    const done = await db.selectFrom('processed_keys').select('key').where('key', '=', key).executeTakeFirst();
    if (done) return 'already-done';
    await work();
    await claimKey(db, key, clock.now());
    return 'done';
  };
}
