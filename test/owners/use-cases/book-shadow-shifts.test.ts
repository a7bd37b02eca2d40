import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/core/notifier.ts';
import type { Nomination } from '../../../src/owners/domain/nomination.ts';
import type { ShadowBookings } from '../../../src/owners/ports/shadow-booking.ts';
import { bookShadowShifts } from '../../../src/owners/use-cases/book-shadow-shifts.ts';
import { testConfig } from '../../helpers/test-config.ts';

const NOW = new Date('2026-12-08T09:00:00Z');
const DAY = 86_400_000;

/** The rota's bookings in memory, idempotent by key as the real one. */
function memoryBookings(): ShadowBookings & { keys: string[] } {
  const stored = new Map<string, { from: Date; until: Date }>();
  return {
    keys: [],
    async book(b) {
      this.keys.push(b.key);
      const had = stored.get(b.key);
      if (had) return { kind: 'already', ...had };
      stored.set(b.key, { from: b.from, until: b.until });
      return { kind: 'booked', from: b.from, until: b.until };
    },
  };
}

describe('bookShadowShifts (an accepted nomination)', () => {
  const config = testConfig();
  const nomination: Nomination = { id: 'nom-1', kind: 'nominate', subprojectId: 'registry', personId: 'jimangel', nominatorId: 'nikhita', status: 'accepted', statements: { credentials: 'c', support: 's' }, issueUrl: 'https://github.com/kubernetes/k8s.io/issues/9', issueNumber: 9, createdAt: NOW };
  const setup = () => {
    const shadows = memoryBookings();
    const dms: { user: string; text: string; key?: string }[] = [];
    const deps = {
      settings: { repo: 'kubernetes/k8s.io', staffingChannel: 'wg-k8s-infra', consensusWorkingDays: 5, shadowDays: 14, labels: [], subprojects: {} },
      subprojects: config.subprojects,
      people: config.people.map((p) => ({ ...p, affiliation: p.affiliation ?? '' })),
      notifier: {
        post: async () => ({ channel: 'C', ts: '1' }),
        dm: async (user: string, m: OutgoingMessage, d?: { key: string }) => {
          dms.push({ user, text: m.text, ...(d ? { key: d.key } : {}) });
          return { channel: 'D', ts: String(dms.length) };
        },
      },
      shadows,
    };
    return { deps, shadows, dms };
  };

  it('books shadowDays in every rotation of the subproject, and tells the new owner once per nomination', async () => {
    const { deps, shadows, dms } = setup();
    const booked = await bookShadowShifts(deps, nomination, NOW, false);
    expect(booked).toEqual(['registry-emea', 'registry-americas', 'registry-fallback'].map((rotationId) => ({ rotationId, from: NOW, until: new Date(NOW.getTime() + 14 * DAY) })));
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({ user: 'U0JIMANGE', key: 'owners.shadow:nom-1' });
    expect(dms[0]!.text).toContain('Until Tue 22 Dec');
    // A retried job, a day later: the same keys, the first periods kept; the DM is checked for first.
    const again = await bookShadowShifts(deps, nomination, new Date(NOW.getTime() + DAY), true);
    expect(again.map((b) => b.until)).toEqual(booked.map((b) => b.until));
    expect(new Set(shadows.keys).size).toBe(3);
    expect(dms[1]).toMatchObject({ key: 'owners.shadow:nom-1' });
  });

  it('books nothing for an offboarding, a subproject without rotations, or without a rota', async () => {
    const { deps, shadows, dms } = setup();
    expect(await bookShadowShifts(deps, { ...nomination, kind: 'offboard' }, NOW, false)).toEqual([]);
    expect(await bookShadowShifts(deps, { ...nomination, subprojectId: 'website' }, NOW, false)).toEqual([]);
    const { shadows: _none, ...withoutRota } = deps;
    expect(await bookShadowShifts(withoutRota, nomination, NOW, false)).toEqual([]);
    expect(shadows.keys).toEqual([]);
    expect(dms).toEqual([]);
  });
});
