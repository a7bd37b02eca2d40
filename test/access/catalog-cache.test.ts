import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { CatalogCache } from '../../src/access/catalog-cache.ts';
import { buildGroupCatalog, type GroupCatalog } from '../../src/access/domain/group-catalog.ts';

function catalogNamed(revision: string): GroupCatalog {
  return buildGroupCatalog(new Map([['groups/restrictions.yaml', 'restrictions: []\n']]), { revision });
}

describe('CatalogCache', () => {
  it('loads once, serves within the TTL, refreshes behind a stale answer, keeps serving on failure', async () => {
    const clock = new ManualClock('2022-02-01T00:00:00Z');
    let loads = 0;
    let fail = false;
    const errors: unknown[] = [];
    const cache = new CatalogCache(
      async () => {
        loads++;
        if (fail) throw new Error('GitHub down');
        return catalogNamed(`r${loads}`);
      },
      clock,
      60_000,
      (e) => errors.push(e),
    );
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    clock.advance(30_000);
    expect((await cache.get()).revision).toBe('r1');
    clock.advance(31_000);
    expect((await cache.get()).revision).toBe('r1'); // stale answer, refresh started
    // refresh() joins the reload already under way instead of starting another.
    await cache.refresh();
    expect(loads).toBe(2);
    expect((await cache.get()).revision).toBe('r2');
    fail = true;
    clock.advance(61_000);
    expect((await cache.get()).revision).toBe('r2');
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
  });

  it('the first load failing reaches the caller', async () => {
    const cache = new CatalogCache(async () => Promise.reject(new Error('nope')), new ManualClock(0));
    await expect(cache.get()).rejects.toThrow('nope');
  });
});
