import type { Kysely } from 'kysely';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import { claimKey } from '../../platform/store/processed-keys.ts';
import type { Change } from '../domain/change.ts';
import type { ChangeStore, SaveOutcome } from '../ports/change-store.ts';
import { ChangeRepository } from './change-repository.ts';

/** Thrown inside the transaction to roll it back (the key claim too); never leaves this file. */
class Rollback extends Error {}

/** The change store on the bot's database: each write and its effects in one `commit`. */
export function sqlChangeStore(db: Kysely<CoreTables>, commit: CommitTransition): ChangeStore {
  const repo = new ChangeRepository(db);
  return {
    async get(id) {
      const change = await repo.get(id);
      return change ? { change, reviews: await repo.reviews(id) } : undefined;
    },
    create: (change, effects) =>
      commit(repo.db, async (trx) => {
        if (!(await repo.insert(change, trx))) return { result: false, effects: [] };
        return { result: true, effects };
      }),
    async save(write) {
      try {
        return await commit(repo.db, async (trx, now): Promise<{ result: SaveOutcome; effects: typeof write.effects }> => {
          if (write.key && !(await claimKey(trx, write.key, now))) return { result: 'already-done', effects: [] };
          const saved: Change | undefined = await repo.update(write.before, write.after, trx);
          if (!saved) throw new Rollback();
          if (write.review) await repo.putReview(write.before.id, write.review, trx);
          return { result: { saved }, effects: write.effects };
        });
      } catch (err) {
        if (err instanceof Rollback) return 'conflict';
        throw err;
      }
    },
    listOpen: () => repo.listOpen(),
    decisions: (query, limit) => repo.decisions(query, limit),
    byGithub: (r, n) => repo.byGithub(r, n),
  };
}
