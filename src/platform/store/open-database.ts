import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import pg from 'pg';
import type { CoreTables } from './core-tables.ts';
import { listenForJobsDue, type JobsDueListener } from './jobs-due-listener.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<CoreTables>;
  dialect: Dialect;
  /** Where the data lives, without credentials (safe to log). */
  description: string;
  /**
   * How many jobs may run at once and still leave connections for requests: a job holds at most
   * one at a time, so an acknowledgement never queues behind the job runner for a connection.
   */
  jobSlots: number;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * PostgreSQL: calls `onDue` whenever a job comes due now on any replica (LISTEN/NOTIFY on a
   * connection of its own, reconnected when lost). SQLite has one writer, which wakes itself.
   */
  watchJobsDue?(onDue: () => void): JobsDueListener;
}

export interface StoreOptions {
  /** Told of connections the database dropped (they are replaced; nothing is thrown). */
  onConnectionError?(err: Error, where: 'pool' | 'client' | 'listener'): void;
}

export const DEFAULT_SQLITE_PATH = './data/k8s-infra-bot.sqlite';

const POOL_SIZE = 20;
/** Connections the job runner leaves free, so requests never wait behind it. */
const CONNECTIONS_FOR_REQUESTS = 6;
/** SQLite has one connection; the runner's concurrency there is about overlapping network calls. */
const SQLITE_JOB_SLOTS = 32;

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
// Set when this module loads, before any pool exists (a pool made elsewhere must read them too).
pg.types.setTypeParser(20, (v: string) => Number(v));

export async function openDatabase(target: DatabaseTarget, options: StoreOptions = {}): Promise<Store> {
  let db: Kysely<CoreTables>;
  let description: string;
  let watchJobsDue: Store['watchJobsDue'];
  const onError = options.onConnectionError ?? (() => undefined);
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
    const connection: pg.ClientConfig = {
      connectionString: target.url,
      connectionTimeoutMillis: 5000,
      ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    };
    // The job runner keeps up to `jobSlots` jobs in flight, each holding at most one connection at a time
    // and none across a network call; the rest are for requests (a click, a command, /readyz).
    const pool = new pg.Pool({ ...connection, max: POOL_SIZE });
    // A connection the server drops (a restart, a failover, pg_terminate_backend) must not crash
    // the process: idle ones are reported by the pool, ones in use by their client (the query in
    // flight fails and the pool discards the client when it is released).
    pool.on('error', (err) => onError(err, 'pool'));
    pool.on('connect', (client) => client.on('error', (err) => onError(err, 'client')));
    db = new Kysely<CoreTables>({ dialect: new PostgresDialect({ pool }) });
    watchJobsDue = (onDue) => listenForJobsDue(connection, { onDue, onError: (err) => onError(err, 'listener') });
    description = redactUrl(target.url) + (target.schema ? ` (schema ${target.schema})` : '');
  }
  return {
    db,
    dialect: target.kind,
    description,
    jobSlots: target.kind === 'postgres' ? POOL_SIZE - CONNECTIONS_FOR_REQUESTS : SQLITE_JOB_SLOTS,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
    ...(watchJobsDue ? { watchJobsDue } : {}),
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
