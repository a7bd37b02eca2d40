import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNERS_IDS } from '../../src/owners/ids.ts';
import { checkBlocks } from '../../src/sandbox/block-kit-limits.ts';
import type { SlackView } from '../../src/sandbox/slack-workspace.ts';
import { startOwnersE2E, U, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
const text = (view: SlackView | undefined) => JSON.stringify(view?.blocks ?? []);

/** website's owners are jimangel, nikhita and thockin; the leads ameukam, dims, spiffxp and thockin. */
describe('nominations on the Home tab (Slack emulator)', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E({ homeDebounceMs: 20, github: { repos: { 'kubernetes/k8s.io': { 'README.md': 'k8s.io\n' } } } });
  });
  afterAll(async () => rig.stop());

  const openHome = async (userId: string, until: (view: SlackView) => boolean) => {
    const before = rig.h.slack.homeView(userId)?.hash;
    expect((await rig.h.slack.openHome(userId))?.ok).toBe(true);
    return rig.h.slack.waitFor(() => {
      const v = rig.h.slack.homeView(userId);
      return v && v.hash !== before && until(v) ? v : undefined;
    });
  };
  const homeOf = (userId: string, until: (view: SlackView) => boolean) =>
    rig.h.slack.waitFor(() => {
      const v = rig.h.slack.homeView(userId);
      return v && until(v) ? v : undefined;
    });

  it('an owner votes from the Home tab: the vote is recorded and the nomination leaves their tab; the nominee writes their statement from theirs', async () => {
    const { h } = rig;
    await h.slack.sendSlashCommand({ userId: U.nikhita, channelId: rig.channel, text: 'owners nominate @xmudrii website' });
    const modal = await h.slack.waitFor(() => h.slack.topView(U.nikhita));
    await h.slack.submitView({
      userId: U.nikhita,
      viewId: modal.id,
      values: { [b.credentials]: { [a.credentials]: 'Keeps the Netlify previews of kubernetes/website working since 2025.' }, [b.support]: { [a.support]: 'xmudrii answers every website build failure within a day.' } },
    });
    await h.drain();
    await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.startsWith('Nomination: xmudrii')));

    // jimangel, an owner of website: the nomination waits for his vote, with the buttons.
    const home = await openHome(U.jimangel, (v) => text(v).includes('Nominations waiting for your vote'));
    expect(text(home)).toContain(`<@${U.xmudrii}> as an owner of *`);
    expect(text(home)).toContain(a.voteSupport);
    expect(checkBlocks(home.blocks, 'home')).toEqual([]);

    const dmsBefore = h.slack.dms(U.jimangel).length;
    expect((await h.slack.clickButton({ userId: U.jimangel, source: { viewId: home.id }, actionId: a.voteSupport })).ok).toBe(true);
    // A click in Home has no channel: the answer comes as a DM.
    const answer = await h.slack.waitFor(() => h.slack.dms(U.jimangel).slice(dmsBefore).find((m) => m.text.startsWith('Recorded: you support')));
    expect(answer).toBeDefined();
    const voted = await h.bot.audit.list({ action: 'owners.voted' });
    expect(voted.map((e) => [e.actor, e.payload])).toEqual([['jimangel', { vote: 'support' }]]);
    // The tab is republished without it.
    await homeOf(U.jimangel, (v) => !text(v).includes('Nominations waiting for your vote'));

    // A lead sees it too; someone neither owner nor lead does not; the nominee is asked for their statement only.
    expect(text(await openHome(U.dims, (v) => text(v).includes('Nominations waiting for your vote')))).toContain(a.voteObject);
    expect(text(await openHome(U.bentheelder, () => true))).not.toContain('Nominations waiting for your vote');
    const nominee = await openHome(U.xmudrii, (v) => text(v).includes('Your statement of intent'));
    expect(text(nominee)).not.toContain(a.voteSupport);

    expect((await h.slack.clickButton({ userId: U.xmudrii, source: { viewId: nominee.id }, actionId: a.writeIntent })).ok).toBe(true);
    const intent = await h.slack.waitFor(() => h.slack.topView(U.xmudrii));
    await h.slack.submitView({ userId: U.xmudrii, viewId: intent.id, values: { [b.intent]: { [a.intent]: 'I will keep the previews green and take the EMEA website shifts.' } } });
    expect((await h.bot.audit.list({ action: 'owners.intent_recorded' })).map((e) => e.actor)).toEqual(['xmudrii']);
    await homeOf(U.xmudrii, (v) => !text(v).includes('Your statement of intent'));

    // At the deadline it is decided, and leaves the tab of a lead who never voted without them reopening it.
    expect(text(h.slack.homeView(U.dims))).toContain('Nominations waiting for your vote');
    rig.clock.advance(14 * 86_400_000);
    await h.drain();
    await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.includes('is accepted as an owner of `website`')));
    await homeOf(U.dims, (v) => !text(v).includes('Nominations waiting for your vote'));
  });
});
