import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { collectMigrations } from '../../src/platform/store/migrations.ts';
import { CAPABILITIES } from '../../src/platform/capabilities.ts';

/**
 * The PostgreSQL the contract suites run against. In CI (CI=true or REQUIRE_POSTGRES=1) a
 * database that cannot be reached fails the suite; on a laptop without PostgreSQL the suites
 * say so and run on SQLite only.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === '1';

async function canReachPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable: boolean = required ? true : await canReachPostgres();
if (!postgresAvailable) {
  console.warn(`[tests] PostgreSQL not reachable at ${POSTGRES_URL}: PostgreSQL suites skipped (they are required in CI).`);
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated store; each call gets its own empty database (SQLite memory / PG schema). */
  open(): Promise<Store>;
}

/** A schema name the run's teardown will drop (test/helpers/postgres-schemas-setup.ts). */
export function testSchemaName(): string {
  const run = process.env.TEST_SCHEMA_RUN ?? Date.now().toString(36);
  return `t_${run}_${randomBytes(5).toString('hex')}`;
}

async function freshPostgresSchema(): Promise<string> {
  const schema = testSchemaName();
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return schema;
}

export const sqliteDatabase: TestDatabase = {
  name: 'sqlite',
  async open() {
    const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    await migrateAll(store);
    return store;
  },
};

export const postgresDatabase: TestDatabase = {
  name: 'postgres',
  async open() {
    const schema = await freshPostgresSchema();
    const store = await openDatabase({ kind: 'postgres', url: POSTGRES_URL, schema });
    await migrateAll(store);
    // Left for the run's teardown to drop (test/helpers/postgres-schemas-setup.ts): dropping it
    // now would race the migrations of suites running beside this one.
    return store;
  },
};

/** Both databases, for `describe.each(testDatabases)`; PostgreSQL only when reachable or required. */
export const testDatabases: TestDatabase[] = postgresAvailable ? [sqliteDatabase, postgresDatabase] : [sqliteDatabase];

/** Every migration the bot runs (platform and all capabilities). */
export async function migrateAll(store: Store): Promise<void> {
  await migrateToLatest(store, collectMigrations(CAPABILITIES));
}
