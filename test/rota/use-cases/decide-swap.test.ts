import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { decideSwap } from '../../../src/rota/use-cases/decide-swap.ts';
import { memoryRotaDeps, SLACK } from '../helpers/memory-rota.ts';

const T0 = '2026-11-24T03:12:00Z';

function answer() {
  const told: string[] = [];
  const replaced: { text: string; blocks: KnownBlock[] }[] = [];
  return {
    told,
    replaced,
    tell: async (text: string) => void told.push(text),
    replace: async (message: { text: string; blocks: KnownBlock[] }) => void replaced.push(message),
  };
}

async function proposed(now = T0) {
  const rig = memoryRotaDeps(now);
  await rig.store.insertSwap(
    { id: 'swap:V1', rotationId: 'dns-primary', requester: 'ameukam', requesterShift: new Date('2026-12-07T08:00:00Z'), counterpart: 'dims', counterpartShift: new Date('2026-11-30T08:00:00Z') },
    rig.clock.now(),
  );
  return rig;
}

describe('decideSwap', () => {
  it('accepted by the other person: decided once, audited, handoff rows at the four instants, proposal replaced, requester told', async () => {
    const { deps, store, notifier, homeRefreshes } = await proposed();
    const a = answer();
    expect(await decideSwap(deps, { swapId: 'swap:V1', decision: 'accepted', slackUser: SLACK.dims }, a)).toBe('accepted');
    expect(homeRefreshes).toEqual([['ameukam', 'dims']]);
    expect(store.swaps[0]).toMatchObject({ status: 'accepted', decidedBy: 'dims' });
    expect(store.auditActions()).toEqual(['swap.accepted']);
    expect(store.scheduledJobIds().sort()).toEqual(
      ['2026-12-07T08:00:00.000Z', '2026-12-14T08:00:00.000Z', '2026-11-30T08:00:00.000Z', '2026-12-07T08:00:00.000Z'].map((t) => `handoff:dns:${t}`).sort(),
    );
    expect(a.replaced[0]?.text).toContain(`:white_check_mark: Swap agreed by <@${SLACK.dims}> on DNS primary`);
    expect(notifier.dmTexts(SLACK.ameukam)[0]).toContain('Swap agreed');

    const again = answer();
    expect(await decideSwap(deps, { swapId: 'swap:V1', decision: 'accepted', slackUser: SLACK.dims }, again)).toBe('already');
    expect(again.told).toEqual([`Already accepted by <@${SLACK.dims}>.`]);
    expect(store.auditActions()).toEqual(['swap.accepted']);
  });

  it('refuses anyone but the other person, and a swap that is gone', async () => {
    const { deps, store, refused } = await proposed();
    const a = answer();
    expect(await decideSwap(deps, { swapId: 'swap:V1', decision: 'accepted', slackUser: SLACK.upodroid }, a)).toBe('refused');
    expect(await decideSwap(deps, { swapId: 'swap:V1', decision: 'accepted', slackUser: 'U0STRANGER' }, a)).toBe('refused');
    expect(await decideSwap(deps, { swapId: 'swap:nope', decision: 'accepted', slackUser: SLACK.dims }, a)).toBe('missing');
    expect(a.told).toEqual([`:no_entry: Only <@${SLACK.dims}> can answer this swap proposal.`, `:no_entry: Only <@${SLACK.dims}> can answer this swap proposal.`, 'That swap proposal no longer exists.']);
    expect(store.swaps[0]?.status).toBe('proposed');
    expect(refused).toEqual([
      { actor: SLACK.upodroid, action: 'swap.answer', subject: 'swap:swap:V1', reason: 'only the person it was proposed to may answer' },
      { actor: 'U0STRANGER', action: 'swap.answer', subject: 'swap:swap:V1', reason: 'only the person it was proposed to may answer' },
    ]);
  });

  it('declines a swap that can no longer happen, saying why', async () => {
    const { deps, store, clock } = await proposed();
    clock.set('2026-11-30T09:00:00Z'); // dims's shift has started
    const a = answer();
    expect(await decideSwap(deps, { swapId: 'swap:V1', decision: 'accepted', slackUser: SLACK.dims }, a)).toBe('declined');
    expect(a.told[0]).toBe(':warning: This swap can no longer happen: That shift has already started. It is declined.');
    expect(store.swaps[0]?.status).toBe('declined');
    expect(store.scheduledJobIds()).toEqual([]);
    expect(a.replaced[0]?.text).toContain(':x: Swap declined');
  });
});
