import { afterEach, describe, expect, it } from 'vitest';
import { declareIncident, postUpdate } from '../../../src/incidents/domain/incident-lifecycle.ts';
import { IncidentRepository } from '../../../src/incidents/store/incident-repository.ts';
import type { Store } from '../../../src/platform/store/open-database.ts';
import { testDatabases } from '../../helpers/test-databases.ts';

const t0 = new Date('2026-11-24T10:00:00Z');

describe.each(testDatabases)('IncidentRepository on $name', (database) => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('inserts once, round-trips, finds by channel, and refuses a stale transition', async () => {
    store = await database.open();
    const repo = new IncidentRepository(store.db);
    const { incident } = declareIncident({ id: 'inc-1', title: 'DNS broken', severity: 'SEV3', services: ['dns', 'prow'], description: 'd', commander: 'U1', declarer: 'U1', page: false }, t0);
    expect(await repo.insert(incident)).toBe(true);
    expect(await repo.insert(incident)).toBe(false);
    expect(await repo.get('inc-1')).toEqual(incident);
    await repo.setLinks('inc-1', { channelId: 'C1', channelName: 'inc-20261124-dns-broken', pages: { dns: 'dns-abc' }, issueNumber: 7, issueUrl: 'u' });
    const linked = (await repo.byChannel('C1'))!;
    expect(linked).toMatchObject({ id: 'inc-1', pages: { dns: 'dns-abc' }, issueNumber: 7 });

    const a = postUpdate(linked, { status: 'identified', message: 'a', by: 'U1' }, new Date(t0.getTime() + 60_000));
    const b = postUpdate(linked, { status: 'monitoring', message: 'b', by: 'U2' }, new Date(t0.getTime() + 61_000));
    if (!a.ok || !b.ok) throw new Error('transitions refused');
    expect(await repo.saveTransition(linked, a.incident)).toBe(true);
    expect(await repo.saveTransition(linked, b.incident)).toBe(false);
    expect((await repo.get('inc-1'))!.status).toBe('identified');
    expect((await repo.listOpen()).map((i) => i.id)).toEqual(['inc-1']);
  });

  it('keeps the timeline in order and records a dedup key once', async () => {
    store = await database.open();
    const repo = new IncidentRepository(store.db);
    const e = (n: number, text: string) => ({ at: new Date(t0.getTime() + n), kind: 'pin' as const, actor: 'U1', text });
    expect(await repo.addTimeline('inc-1', e(2, 'second'))).toBe(true);
    expect(await repo.addTimeline('inc-1', e(1, 'first'), undefined, 'pin:1')).toBe(true);
    expect(await repo.addTimeline('inc-1', e(3, 'again'), undefined, 'pin:1')).toBe(false);
    expect(await repo.addTimeline('inc-2', e(3, 'other incident'), undefined, 'pin:1')).toBe(true);
    expect((await repo.timeline('inc-1')).map((x) => x.text)).toEqual(['first', 'second']);
  });
});
