import { describe, expect, it } from 'vitest';
import { personCalendar } from '../../../src/rota/use-cases/person-calendar.ts';
import { rotationCalendar } from '../../../src/rota/use-cases/rotation-calendar.ts';
import { memoryRotaDeps } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:00Z';

describe('calendar feeds', () => {
  it('a rotation’s shifts, with overrides, names only', async () => {
    const { deps, store, clock } = memoryRotaDeps(T0);
    await store.insertOverride({ id: 'o', subprojectId: 'dns', person: 'ameukam', from: new Date('2026-11-25T00:00:00Z'), to: new Date('2026-11-26T00:00:00Z'), createdBy: 'ameukam' }, clock.now());
    const feed = await rotationCalendar(deps, { rotationId: 'dns-primary', now: clock.now() });
    if (feed.kind !== 'feed') throw new Error(feed.kind);
    expect(feed.name).toBe('DNS primary');
    expect(feed.events.slice(0, 3).map((e) => e.summary)).toEqual(['DNS primary: Marko Mudrinić', 'DNS primary: Arnaud Meukam (override)', 'DNS primary: Marko Mudrinić']);
    expect(feed.events).toHaveLength(15);
    expect(await rotationCalendar(deps, { rotationId: 'nope', now: clock.now() })).toEqual({ kind: 'unknown', rotationIds: ['dns-primary', 'registry-emea', 'registry-americas', 'registry-fallback', 'clusters-primary', 'storage-primary'] });
  });

  it('a person’s on-call time across subprojects', async () => {
    const { deps, clock } = memoryRotaDeps(T0);
    const feed = await personCalendar(deps, { personId: 'ameukam', now: clock.now() });
    if (feed.kind !== 'feed') throw new Error(feed.kind);
    expect(feed.name).toBe('On call: Arnaud Meukam');
    expect(new Set(feed.events.map((e) => e.summary))).toEqual(new Set(['On call: dns', 'On call: registry', 'On call: clusters', 'On call: storage']));
    expect(await personCalendar(deps, { personId: 'nobody', now: clock.now() })).toEqual({ kind: 'unknown' });
  });
});
