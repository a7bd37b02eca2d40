import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../core/clock.ts';
import type { Jobs, NewJob } from '../jobs/jobs.ts';
import type { AuditEntry, AuditLog } from '../store/audit-log.ts';
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
      // One statement per run of effects of a kind (a step asks for several jobs at once); runs
      // are applied in the order given, so a cancel and a schedule of one id keep their meaning.
      for (const run of runsOfKind(out.effects)) {
        switch (run.kind) {
          case 'enqueue': {
            const inserted = await deps.jobs.enqueueMany(run.jobs, now, trx);
            if (inserted.some((job) => job.dueAt.getTime() <= now.getTime())) scheduled = true;
            break;
          }
          case 'cancel':
            await deps.jobs.cancelMany(run.ids, now, trx);
            break;
          case 'audit':
            await deps.audit.record(run.entry, trx);
            break;
        }
      }
      return out.result;
    });
    if (scheduled) deps.wake();
    return result;
  };
}

type EffectRun = { kind: 'enqueue'; jobs: NewJob[] } | { kind: 'cancel'; ids: string[] } | { kind: 'audit'; entry: AuditEntry };

function runsOfKind(effects: readonly Effect[]): EffectRun[] {
  const runs: EffectRun[] = [];
  for (const effect of effects) {
    const last = runs.at(-1);
    if (effect.kind === 'schedule' || effect.kind === 'deliver-once') {
      if (last?.kind === 'enqueue') last.jobs.push(effect.job);
      else runs.push({ kind: 'enqueue', jobs: [effect.job] });
    } else if (effect.kind === 'cancel') {
      if (last?.kind === 'cancel') last.ids.push(effect.jobId);
      else runs.push({ kind: 'cancel', ids: [effect.jobId] });
    } else {
      runs.push({ kind: 'audit', entry: effect.entry });
    }
  }
  return runs;
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
