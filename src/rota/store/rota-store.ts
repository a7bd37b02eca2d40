import type { Platform } from '../../platform/capability.ts';
import type { JobContext } from '../../platform/jobs/define-job.ts';
import type { RotaCommit } from '../ports.ts';
import { RotaRepository, subprojectsOfRotation } from './rota-repository.ts';
import type { RotaTables } from './tables.ts';

export interface RotaStore {
  /** Reads outside a transaction. */
  repository: RotaRepository;
  /** A state change and its effects in one transaction. */
  commit: RotaCommit;
  /** As `commit`, also completing the running job in that transaction (false lease: roll back). */
  commitCompleting(ctx: JobContext): RotaCommit;
}

/** The rota's tables on the platform's database, and its transactions through `platform.commit`. */
export function rotaStore(platform: Pick<Platform, 'db' | 'commit'>, subprojects: readonly { id: string; rotations: readonly string[] }[]): RotaStore {
  const db = platform.db.withTables<RotaTables>();
  const which = subprojectsOfRotation(subprojects);
  const commit: RotaCommit = (write) => platform.commit(db, (trx, now) => write(new RotaRepository(trx, which), now));
  return {
    repository: new RotaRepository(db, which),
    commit,
    commitCompleting: (ctx) => (write) =>
      platform.commit(db, async (trx, now) => {
        const out = await write(new RotaRepository(trx, which), now);
        if (!(await ctx.complete(trx))) throw new Error(`${ctx.job.kind} job lease lost`);
        return out;
      }),
  };
}
