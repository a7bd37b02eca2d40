import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../../src/platform/store/open-database.ts';
import { isDatabaseUnavailable } from '../../../src/platform/store/database-unavailable.ts';

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected the work to fail');
}

describe('isDatabaseUnavailable, on the errors the real drivers throw', () => {
  it('is true for PostgreSQL refusing connections', async () => {
    const store = await openDatabase({ kind: 'postgres', url: `postgres://postgres@127.0.0.1:${await closedPort()}/test` });
    try {
      expect(isDatabaseUnavailable(await errorOf(() => sql`select 1`.execute(store.db)))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('is true for a SQLite file that cannot be opened', async () => {
    // A directory where the database file should be: SQLITE_CANTOPEN.
    const err = await errorOf(() => openDatabase({ kind: 'sqlite', path: mkdtempSync(join(tmpdir(), 'db-')) }));
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('is false for a bug (a query on a missing table) and for ordinary errors', async () => {
    const store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    try {
      expect(isDatabaseUnavailable(await errorOf(() => sql`select * from no_such_table`.execute(store.db)))).toBe(false);
    } finally {
      await store.close();
    }
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
