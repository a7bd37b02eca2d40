import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { WebClient } from '@slack/web-api';
import { ROTA_API } from '../../src/rota/api.ts';
import { ROTA_IDS } from '../../src/rota/ids.ts';
import { SWAP_BLOCKS } from '../../src/rota/views/rota-swap.ts';
import { TEST_BOT_TOKEN } from '../helpers/start-test-bot.ts';
import { startHarnessWith, type RotaHarness } from '../rota/helpers/rota-harness.ts';

// DNS shifts ahead: 30 Nov dims, 7 Dec ameukam, 14 Dec upodroid (each Monday 08:00Z).
const T0 = '2026-11-24T03:12:00Z';
const U = { ameukam: 'U0AMEUKAM', dims: 'U0DIMS001', upodroid: 'U0UPODROI' };
const shift = (iso: string) => `dns-primary|${new Date(iso).toISOString()}`;

describe('swap end to end', () => {
  let e2e: RotaHarness;
  let clock: ManualClock;
  let channel: string;
  beforeEach(async () => {
    clock = new ManualClock(T0);
    e2e = await startHarnessWith(['rota'], { clock, slackClock: clock });
    channel = e2e.slack.channelByName('wg-k8s-infra')!.id;
  });
  afterEach(async () => e2e.stop());

  async function openSwap(userId: string) {
    await e2e.slack.sendSlashCommand({ userId, channelId: channel, text: 'swap' });
    return e2e.slack.waitFor(() => e2e.slack.topView(userId));
  }
  const values = (person: string, mine: string, theirs: string) => ({
    [SWAP_BLOCKS.person]: { [ROTA_IDS.actions.swapPerson]: person },
    [SWAP_BLOCKS.mine]: { [ROTA_IDS.actions.swapMine]: shift(mine) },
    [SWAP_BLOCKS.theirs]: { [ROTA_IDS.actions.swapTheirs]: shift(theirs) },
  });

  it('proposed, refused to a bystander, accepted once by the other person, both told; it changes who is on call', async () => {
    const view = await openSwap(U.ameukam);
    const r = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values(U.dims, '2026-12-07T08:00:00Z', '2026-11-30T08:00:00Z') });
    expect(r.errors).toBeUndefined();
    const proposal = await e2e.slack.waitFor(() => e2e.slack.dms(U.dims).find((m) => m.text?.includes('proposes a swap')));
    const source = { messageTs: proposal.ts, channelId: proposal.channel };

    // A bystander cannot open dims's DM; the same buttons shown in a channel (as if shared) are refused to them.
    const bot = new WebClient(TEST_BOT_TOKEN, { slackApiUrl: e2e.slack.apiUrl });
    const shared = await bot.chat.postMessage({ channel, text: proposal.text ?? '', blocks: proposal.blocks ?? [] });
    if (!shared.ts || !shared.channel) throw new Error('chat.postMessage answered without ts or channel');
    await e2e.slack.clickButton({ userId: U.upodroid, source: { messageTs: shared.ts, channelId: shared.channel }, actionId: ROTA_IDS.actions.swapAccept });
    const refusal = await e2e.slack.waitFor(() => e2e.slack.ephemerals(U.upodroid).at(-1));
    expect(refusal.text).toContain(`Only <@${U.dims}> can answer`);
    expect(await e2e.audit.list({ action: 'swap.accepted' })).toHaveLength(0);

    await Promise.all([
      e2e.slack.clickButton({ userId: U.dims, source, actionId: ROTA_IDS.actions.swapAccept }),
      e2e.slack.clickButton({ userId: U.dims, source, actionId: ROTA_IDS.actions.swapAccept }),
    ]);
    await e2e.slack.waitFor(() => e2e.slack.dms(U.ameukam).find((m) => m.text?.includes('Swap agreed')));
    await e2e.slack.waitFor(() => e2e.slack.ephemerals(U.dims).find((m) => m.text?.includes('Already accepted')));
    expect(await e2e.audit.list({ action: 'swap.accepted' })).toHaveLength(1);
    expect(e2e.slack.dms(U.ameukam).filter((m) => m.text?.includes('Swap agreed'))).toHaveLength(1);
    expect(e2e.slack.dms(U.dims).find((m) => m.ts === proposal.ts)?.text).toContain('Swap agreed');

    clock.set('2026-11-30T09:00:00Z');
    expect((await e2e.bot.api(ROTA_API).onCall('dns', clock.now())).primary).toBe('ameukam');
    clock.set('2026-12-07T09:00:00Z');
    expect((await e2e.bot.api(ROTA_API).onCall('dns', clock.now())).primary).toBe('dims');
  });

  it('declined: nothing changes', async () => {
    const view = await openSwap(U.ameukam);
    await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values(U.dims, '2026-12-07T08:00:00Z', '2026-11-30T08:00:00Z') });
    const proposal = await e2e.slack.waitFor(() => e2e.slack.dms(U.dims).find((m) => m.text?.includes('proposes a swap')));
    await e2e.slack.clickButton({ userId: U.dims, source: { messageTs: proposal.ts, channelId: proposal.channel }, actionId: ROTA_IDS.actions.swapDecline });
    await e2e.slack.waitFor(() => e2e.slack.dms(U.ameukam).find((m) => m.text?.includes('Swap declined')));
    expect((await e2e.bot.api(ROTA_API).onCall('dns', new Date('2026-11-30T09:00:00Z'))).primary).toBe('dims');
  });

  it('refuses a swap with oneself and a shift that is not theirs, inline', async () => {
    const view = await openSwap(U.ameukam);
    const self = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values(U.ameukam, '2026-12-07T08:00:00Z', '2026-11-30T08:00:00Z') });
    expect(self.errors?.[SWAP_BLOCKS.person]).toBe('You cannot swap with yourself.');
    const notTheirs = await e2e.slack.submitView({ userId: U.ameukam, viewId: view.id, values: values(U.dims, '2026-12-07T08:00:00Z', '2026-12-14T08:00:00Z') });
    expect(notTheirs.errors?.[SWAP_BLOCKS.theirs]).toContain('upodroid');
    expect(await e2e.audit.list({ action: 'swap.proposed' })).toHaveLength(0);
  });
});
