/**
 * vitest globalSetup: the PostgreSQL suites each work in a schema of their own, named
 * `t_<run>_<random>` (see test-databases.ts). Schemas are dropped here, when a run ends (its own)
 * and when one starts (those older than two hours, left by a run that was killed), never while
 * suites run: Kysely's migrator looks at every schema of the database (has_schema_privilege on
 * each), and a schema dropped under it by a neighbouring suite fails that migration with
 * "schema does not exist".
 */
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const STALE_MS = 2 * 3600_000;

async function dropSchemas(which: (run: number) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return; // no PostgreSQL here: the suites say so themselves (and fail in CI)
  }
  try {
    const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname ~ '^t_[0-9a-z]+_[0-9a-f]+$'`);
    for (const { nspname } of rows) {
      const run = parseInt(nspname.split('_')[1] ?? '', 36);
      if (Number.isFinite(run) && which(run)) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<() => Promise<void>> {
  // The run's id (its start, base 36) names every schema it creates; the workers inherit it.
  const run = Date.now();
  process.env.TEST_SCHEMA_RUN = run.toString(36);
  await dropSchemas((other) => run - other > STALE_MS);
  return async () => {
    await dropSchemas((other) => other === run);
  };
}
