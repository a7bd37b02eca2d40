import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnersE2E, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

describe('the weekly staffing check, a job row booking the next week', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E({ github: false });
  });
  afterAll(async () => rig.stop());

  it('posts on Monday 08:00 UTC what is wrong, then nothing while nothing gets worse', async () => {
    const { h, clock } = rig;
    const checks = () => h.slack.messages('wg-k8s-infra').filter((m) => m.text.startsWith(':warning: Weekly staffing check'));
    await h.drain();
    expect(checks()).toHaveLength(0);
    const due = await h.bot.store.db.selectFrom('jobs').select(['id', 'due_at']).where('kind', '=', 'owners.weekly-staffing-check').execute();
    expect(due.map((j) => j.id)).toEqual(['owners.staffing-check:2026-11-30T08:00:00.000Z']);
    clock.set('2026-11-30T08:00:01Z');
    await h.drain();
    const [post] = await h.slack.waitFor(() => (checks().length === 1 ? checks() : undefined));
    expect(post!.text).toContain('(`test-compute`): Company C above 1/3 of the owners');
    clock.advance(7 * 86_400_000);
    await h.drain();
    expect(checks()).toHaveLength(1);
    const next = await h.bot.store.db.selectFrom('jobs').select('id').where('kind', '=', 'owners.weekly-staffing-check').where('id', '=', 'owners.staffing-check:2026-12-14T08:00:00.000Z').execute();
    expect(next).toHaveLength(1);
  });
});
