/**
 * The claim's plan on each database, with a backlog of due jobs: it walks the claim-order index and
 * stops at its limit, instead of reading and sorting every due row (which made each claim dearer
 * the further the runner fell behind).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimCandidates, Jobs } from '../../../src/platform/jobs/jobs.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

describe.each(testDatabases)('the job claim on $name', (database) => {
  let store: Store;
  const now = new Date('2026-12-01T12:00:00Z');
  beforeAll(async () => {
    store = await database.open();
    const jobs = new Jobs(store.db, store.dialect);
    const priorities = [0, 1000, 5000];
    await jobs.enqueueMany(
      Array.from({ length: 3000 }, (_, i) => ({ id: `j${i}`, kind: 'k', dueAt: new Date(now.getTime() - 60_000 + i * 10), priority: priorities[i % 3]! })),
      now,
    );
    await sql`analyze`.execute(store.db);
  });
  afterAll(async () => store?.close());

  it('reads the due rows in the index order and claims the most urgent first', async () => {
    const query = claimCandidates(store.dialect, now.getTime(), 14);
    const explain = store.dialect === 'postgres' ? sql`explain ${query}` : sql`explain query plan ${query}`;
    const plan = JSON.stringify((await explain.execute(store.db)).rows);
    expect(plan).toContain('jobs_pending_claim_order');
    // No sort of the backlog: the index gives the order.
    expect(plan).not.toMatch(/\bSort\b|USE TEMP B-TREE FOR ORDER BY/);
    const claimed = await new Jobs(store.db, store.dialect).claimDue('w', now, 14, 60_000);
    expect(claimed).toHaveLength(14);
    // Due time plus the yield: the deadline jobs (priority 0) of the first second come first.
    expect(claimed[0]!.id).toBe('j0');
    expect(claimed.map((j) => j.id)).toContain('j3');
  });
});
