import { describe, expect, it } from 'vitest';
import { reviewProgress } from '../../../src/changes/domain/review-policy.ts';
import { homeChanges } from '../../../src/changes/use-cases/home-changes.ts';
import { announced, AUTHOR, T0, testRules } from '../helpers/change-fixtures.ts';
import { MemoryChangeStore } from '../helpers/memory-change-store.ts';

const rules = testRules();
const DIMS = 'U0DIMS001';
const AMEUKAM = 'U0AMEUKAM';

describe('homeChanges', () => {
  it('waits for the reviewers asked who have not reviewed, while a review is still missing; never the author or someone not asked', async () => {
    const changes = new MemoryChangeStore();
    const change = announced();
    await changes.create(change, []);
    const deps = { changes, rules };
    const ids = async (slackId: string) => (await homeChanges(deps, { slackUserId: slackId })).map((w) => w.change.id);

    expect(await ids(DIMS)).toEqual([change.id]);
    expect((await homeChanges(deps, { slackUserId: DIMS }))[0]!.missing.length).toBeGreaterThan(0);
    expect(await ids(AUTHOR)).toEqual([]);
    expect(await ids('U0JIMANGE')).toEqual([]); // in the group, but no reviewer of the SIGs this high-risk change needs
    expect(await ids('U0NIKHITA')).toEqual([change.id]); // SIG Contributor Experience is consulted on high risk

    // Arnaud's approval fills SIG K8s Infra's slot: he is done, and so is dims (same slot); the others still wait.
    expect(change.tier).toBe('high');
    changes.reviews.set(change.id, [{ reviewer: AMEUKAM, verdict: 'approve', reason: '', at: T0, source: 'slack' }]);
    expect(reviewProgress(change, changes.reviews.get(change.id)!, rules).find((p) => p.slot.id === 'sig:sig-k8s-infra')?.satisfied).toBe(true);
    expect(await ids(AMEUKAM)).toEqual([]);
    expect(await ids(DIMS)).toEqual([]);
    expect(await ids('U0NIKHITA')).toEqual([change.id]);
  });
});
