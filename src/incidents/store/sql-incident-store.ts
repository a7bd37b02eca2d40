import type { Kysely } from 'kysely';
import type { CommitTransition } from '../../platform/outbox/commit-transition.ts';
import type { CoreTables } from '../../platform/store/core-tables.ts';
import { claimKey } from '../../platform/store/processed-keys.ts';
import type { IncidentStore, TransitionSaved } from '../ports/incident-store.ts';
import { IncidentRepository } from './incident-repository.ts';
import type { IncidentTables } from './tables.ts';

/** Thrown inside the transaction to roll it back; never leaves this file. */
class Rollback extends Error {
  constructor(readonly outcome: TransitionSaved) {
    super(outcome);
  }
}

/** The incident store on the bot's database: each write and its effects in one `commit`. */
export function sqlIncidentStore(db: Kysely<CoreTables>, commit: CommitTransition): IncidentStore {
  const repo = new IncidentRepository(db);
  const tables = db.withTables<IncidentTables>();
  return {
    get: (id) => repo.get(id),
    byChannel: (channelId) => repo.byChannel(channelId),
    listOpen: () => repo.listOpen(),
    timeline: (incidentId) => repo.timeline(incidentId),

    declare: (incident, entries, effects) =>
      commit(tables, async (trx) => {
        if (!(await repo.insert(incident, trx))) return { result: false, effects: [] };
        for (const entry of entries) await repo.addTimeline(incident.id, entry, trx);
        return { result: true, effects };
      }),

    async saveTransition(write) {
      try {
        return await commit(tables, async (trx, now): Promise<{ result: TransitionSaved; effects: typeof write.effects }> => {
          if (!(await claimKey(trx, write.key, now))) return { result: 'already-done', effects: [] };
          if (!(await repo.saveTransition(write.before, write.after, trx))) throw new Rollback('conflict');
          for (const entry of write.entries) {
            if (!(await repo.addTimeline(write.before.id, entry, trx, write.dedupKey))) throw new Rollback('duplicate-entry');
          }
          return { result: 'saved', effects: write.effects };
        });
      } catch (err) {
        if (err instanceof Rollback) return err.outcome;
        throw err;
      }
    },

    record: (incidentId, work) =>
      commit(tables, async (trx) => {
        if (work.links) await repo.setLinks(incidentId, work.links, trx);
        const added = work.entry ? await repo.addTimeline(incidentId, work.entry, trx, work.dedupKey) : true;
        await work.complete?.(trx);
        return { result: added, effects: work.effects ?? [] };
      }),
  };
}
