import type { Migration } from 'kysely';
import * as core from './migrations/0001-core.ts';
import * as jobPriority from './migrations/0102-job-priority.ts';
import * as jobClaimOrder from './migrations/0113-job-claim-order.ts';

/** The platform's own tables: jobs, audit log, leases, processed keys. */
export const CORE_MIGRATIONS: Readonly<Record<string, Migration>> = { '0001-core': core, '0102-job-priority': jobPriority, '0113-job-claim-order': jobClaimOrder };

/**
 * Every migration of the platform and the given capabilities, ordered by name. A name is
 * recorded in the database when applied: never rename or edit one that has shipped.
 */
export function collectMigrations(modules: readonly { name: string; migrations: Readonly<Record<string, Migration>> }[]): Record<string, Migration> {
  const all = new Map<string, Migration>(Object.entries(CORE_MIGRATIONS));
  for (const m of modules) {
    for (const [name, migration] of Object.entries(m.migrations)) {
      if (all.has(name)) throw new Error(`migration ${name} of ${m.name} is declared twice`);
      all.set(name, migration);
    }
  }
  return Object.fromEntries([...all].sort(([a], [b]) => a.localeCompare(b)));
}
