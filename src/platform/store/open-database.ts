import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import type { CoreTables } from './core-tables.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<CoreTables>;
  dialect: Dialect;
  /** Where the data lives, without credentials (safe to log). */
  description: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/k8s-infra-bot.sqlite';

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema?: string };

/** `undefined` → the embedded SQLite file; `sqlite:<path>`; `postgres://…`. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (!url) return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new Error('DATABASE_URL "sqlite:" needs a path, e.g. sqlite:./data/bot.sqlite or sqlite::memory:');
    return { kind: 'sqlite', path };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  throw new Error('DATABASE_URL must start with sqlite: or postgres:// (got an unsupported scheme)');
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable)';
  }
}

// PostgreSQL returns int8 as strings; every bigint here is epoch milliseconds, well inside 2^53.
// Set on import, not on open: code that reads with its own pg client relies on it too.
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function openDatabase(target: DatabaseTarget): Promise<Store> {
  let db: Kysely<CoreTables>;
  let description: string;
  if (target.kind === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    // The SQLite driver (a native addon) is loaded only when selected.
    const { default: SqliteDatabase } = await import('better-sqlite3');
    const sqlite = new SqliteDatabase(target.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<CoreTables>({ dialect: new SqliteDialect({ database: sqlite }) });
    description = `sqlite:${target.path}`;
  } else {
    const pool = new pg.Pool({
      connectionString: target.url,
      // The job runner keeps up to 32 jobs in flight; some hold a row lock while they notify.
      max: 20,
      connectionTimeoutMillis: 5000,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => undefined);
    db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }) });
    description = redactUrl(target.url) + (target.schema ? ` (schema ${target.schema})` : '');
  }
  return {
    db,
    dialect: target.kind,
    description,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function migrateToLatest(store: Store, migrations: Record<string, Migration>): Promise<void> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; pin it to ours,
  // or a database holding another schema's copy (tests, shared clusters) would skip creating them.
  const schema =
    store.dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db: store.db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
    // Capabilities land in any order; each migration only creates its own tables.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
