import { afterEach, describe, expect, it } from 'vitest';
import type { Notifier, OutgoingMessage } from '../../../src/core/notifier.ts';
import type { OwnersTables } from '../../../src/owners/store/tables.ts';
import { checkStaffing } from '../../../src/owners/use-cases/check-staffing.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testConfig } from '../../helpers/test-config.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const NOW = new Date('2026-11-30T08:00:00Z');

describe.each(testDatabases)('the weekly staffing check on $name', (database) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('posts only what got worse since the last check, once per slot', async () => {
    store = await database.open();
    const posts: { text: string; key?: string }[] = [];
    const notifier: Pick<Notifier, 'post'> = {
      post: async (_c: string, m: OutgoingMessage, d?: { key: string }) => {
        posts.push({ text: m.text, ...(d ? { key: d.key } : {}) });
        return { channel: 'C', ts: String(posts.length) };
      },
    };
    const base = testConfig();
    const deps = (config = base) => ({ config, db: store.db.withTables<OwnersTables>(), notifier, channel: 'wg-k8s-infra' });
    // First check: what is wrong now (test-compute's Company C holds 2 of 3).
    expect((await checkStaffing(deps(), 's1', NOW, false)).posted).toEqual([
      '• *Container registry (registry.k8s.io, k8s.gcr.io)* (`registry`): Company A above 1/3 of the owners',
      '• *Test compute pools (boskos e2e projects)* (`test-compute`): Company C above 1/3 of the owners',
    ]);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.key).toBe('owners.staffing:s1');
    // The same slot again does nothing; the next week, nothing new: no post.
    expect((await checkStaffing(deps(), 's1', NOW, true)).posted).toEqual([]);
    expect((await checkStaffing(deps(), 's2', NOW, false)).posted).toEqual([]);
    expect(posts).toHaveLength(1);
    // website drops to 2 owners, dns loses dims (its coverage gap grows): both posted.
    const worse = { ...base, subprojects: base.subprojects.map((s) => (s.id === 'website' ? { ...s, owners: ['jimangel', 'nikhita'] } : s.id === 'dns' ? { ...s, owners: s.owners.filter((o) => o !== 'dims') } : s)) };
    const posted = (await checkStaffing(deps(worse), 's3', NOW, false)).posted;
    expect(posted).toEqual([expect.stringContaining("(`dns`): hours without an owner in working hours grew from"), expect.stringContaining("(`website`): 2 owners, below the charter's 3")]);
    expect(posts.at(-1)!.text).toContain('Weekly staffing check: 2 subprojects got worse');
    // Staying at 2 the next week is not news.
    expect((await checkStaffing(deps(worse), 's4', NOW, false)).posted).toEqual([]);
  });
});
