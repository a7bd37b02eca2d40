import { describe, expect, it } from 'vitest';
import { createOnCallService } from '../../../src/rota/on-call-service.ts';
import { bookShadow } from '../../../src/rota/use-cases/book-shadow.ts';
import { memoryRotaDeps } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:00Z';
const DAY = 86_400_000;

describe('bookShadow (the rota api, called by the owners capability)', () => {
  const booking = { key: 'owners.shadow:nom-1:registry-fallback', rotationId: 'registry-fallback', personId: 'jimangel', from: new Date(T0), until: new Date(Date.parse(T0) + 14 * DAY), reason: 'new owner of registry' };

  it('books once per key, audited, and the new shadow’s Home tab is republished; a retry answers the stored period', async () => {
    const { deps, store, homeRefreshes } = memoryRotaDeps(T0);
    const d = { model: deps.model, shadows: store, commit: store.commit, home: deps.home };
    expect(await bookShadow(d, booking)).toEqual({ kind: 'booked', from: booking.from, until: booking.until });
    // A retried job a day later asks again with its own clock: the first period stands.
    expect(await bookShadow(d, { ...booking, from: new Date(Date.parse(T0) + DAY), until: new Date(Date.parse(T0) + 15 * DAY) })).toEqual({ kind: 'already', from: booking.from, until: booking.until });
    expect(store.shadows).toHaveLength(1);
    expect(store.effects).toEqual([expect.objectContaining({ kind: 'audit', entry: expect.objectContaining({ action: 'rota.shadow_booked', subject: 'rotation:registry-fallback' }) })]);
    expect(homeRefreshes).toEqual([['jimangel']]);
  });

  it('refuses an unknown rotation or an empty period, storing nothing', async () => {
    const { deps, store } = memoryRotaDeps(T0);
    const d = { model: deps.model, shadows: store, commit: store.commit, home: deps.home };
    expect(await bookShadow(d, { ...booking, rotationId: 'nope' })).toEqual({ kind: 'refused', message: "unknown rotation 'nope'" });
    expect(await bookShadow(d, { ...booking, until: booking.from })).toEqual({ kind: 'refused', message: 'a shadow must end after it starts' });
    expect(store.shadows).toEqual([]);
  });

  it('who is on call reports the shadow beside the primary until the shadow ends, never as primary', async () => {
    const { deps, store, config } = memoryRotaDeps(T0);
    await bookShadow({ model: deps.model, shadows: store, commit: store.commit, home: deps.home }, booking);
    const api = createOnCallService(config, store, store);
    expect(await api.onCall('registry', new Date(T0))).toEqual({ primary: 'nikhita', secondary: 'bentheelder', rotationId: 'registry-fallback', layer: 2, shadows: ['jimangel'] });
    expect((await api.onCall('registry', new Date(booking.until.getTime() - 1))).shadows).toEqual(['jimangel']);
    const after = await api.onCall('registry', booking.until);
    expect(after.shadows).toBeUndefined();
    expect(after.primary).not.toBe('jimangel');
    // Another subproject's rotations are not shadowed.
    expect((await api.onCall('dns', new Date(T0))).shadows).toBeUndefined();
  });
});
