import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import { OWNERS_IDS } from '../../src/owners/ids.ts';
import { ROTA_API } from '../../src/rota/api.ts';
import { pageDms } from '../escalation/paging-fixture.ts';
import { everyMessage, startOwnersE2E, textOf, U, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
const DAY = 86_400_000;

/**
 * A nomination accepted for storage (rotation storage-primary) books hh's shadow period; a page
 * for storage during it notifies the primary and hh, whose acknowledgement counts; after it ends
 * only the primary is paged.
 */
describe('a new owner shadows the rotation (Slack emulator, local GitHub)', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E({ homeDebounceMs: 20, github: { repos: { 'kubernetes/k8s.io': { 'README.md': 'k8s.io\n' } } } });
  });
  afterAll(async () => rig.stop());

  /** Runs the due jobs until `probe` answers (work a click or a command queued after its ack). */
  const eventually = async <T>(probe: () => T | undefined | Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error('eventually: timed out');
      await rig.h.drain();
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const slackOf = (personId: string | undefined) => rig.h.config.people.find((p) => p.id === personId)?.slack;

  it('accepted nomination → shadow booked → pages reach the primary and the shadow until the shadow ends', async () => {
    const { h, clock } = rig;
    // jimangel (an owner of storage) nominates hh.
    await h.slack.sendSlashCommand({ userId: U.jimangel, channelId: rig.channel, text: 'owners nominate @hh storage' });
    const modal = await h.slack.waitFor(() => h.slack.topView(U.jimangel));
    await h.slack.submitView({
      userId: U.jimangel,
      viewId: modal.id,
      values: { [b.credentials]: { [a.credentials]: 'Ran the GCS bucket migrations for artifacts in 2025, see k8s.io#7000.' }, [b.support]: { [a.support]: 'hh has helped on every storage incident this year.' } },
    });
    await h.drain();
    await eventually(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.startsWith('Nomination: hh')));

    // Nothing is booked before the deadline; lazy consensus accepts it after.
    clock.advance(2 * DAY);
    await h.drain();
    expect(await h.bot.audit.list({ action: 'rota.shadow_booked' })).toHaveLength(0);
    clock.advance(12 * DAY);
    await h.drain();
    await h.slack.waitFor(() => h.slack.messages('wg-k8s-infra').find((m) => m.text.includes('is accepted as an owner of `storage`')));
    const booked = await eventually(async () => {
      const entries = await h.bot.audit.list({ action: 'rota.shadow_booked' });
      return entries.length > 0 ? entries : undefined;
    });
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ actor: 'k8s-infra-bot', subject: 'rotation:storage-primary', payload: { person: 'hh' } });
    const welcome = await h.slack.waitFor(() => h.slack.dms(U.hh).find((m) => m.text.startsWith('Welcome as an owner of `storage`')));
    expect(welcome.text).toContain('you shadow its on-call rotation (`storage-primary`)');
    const until = new Date((booked[0]!.payload as { until: string }).until);
    expect(until.getTime() - new Date((booked[0]!.payload as { from: string }).from).getTime()).toBe(14 * DAY);

    // Who is on call says so.
    const onCall = await h.bot.api(ROTA_API).onCall('storage', clock.now());
    expect(onCall.shadows).toEqual(['hh']);
    expect(onCall.primary).not.toBe('hh');
    expect(textOf(await rig.command(U.dims, 'oncall storage'))).toContain(`shadowing: <@${U.hh}> until`);
    // …and so do the Home tabs: the shadow's own, and an owner's of storage.
    expect((await h.slack.openHome(U.hh))?.ok).toBe(true);
    await h.slack.waitFor(() => JSON.stringify(h.slack.homeView(U.hh)?.blocks ?? []).includes('You are shadowing'));
    expect((await h.slack.openHome(U.jimangel))?.ok).toBe(true);
    await h.slack.waitFor(() => JSON.stringify(h.slack.homeView(U.jimangel)?.blocks ?? []).includes(`shadowing: <@${U.hh}> until`));

    // A page for storage during the shadow: the primary and hh, hh right after the primary.
    const primarySlack = slackOf(onCall.primary)!;
    const hhBefore = pageDms(h.slack, U.hh).length;
    const primaryBefore = pageDms(h.slack, primarySlack).length;
    expect((await h.slack.sendSlashCommand({ userId: U.thockin, channelId: rig.channel, text: 'page storage severity=critical bucket 403s from artifacts' })).ok).toBe(true);
    await h.drain();
    const hhPage = await h.slack.waitFor(() => pageDms(h.slack, U.hh).length > hhBefore && pageDms(h.slack, U.hh).at(-1));
    await h.slack.waitFor(() => pageDms(h.slack, primarySlack).length > primaryBefore);
    expect(hhPage.text).toContain('bucket 403s from artifacts');
    // The page's thread names hh as the primary's shadow.
    await eventually(() => everyMessage(h.slack).find((m) => m.json.includes(`notified @hh, shadowing @${onCall.primary}`)));
    // hh is not an owner or participant of storage (yet): being notified is what lets them acknowledge.
    const click = await h.slack.clickButton({ userId: U.hh, source: { messageTs: hhPage.ts, channelId: hhPage.channel }, actionId: PAGING_IDS.actions.acknowledge });
    expect(click.ok).toBe(true);
    await h.drain();
    const acked = await eventually(async () => (await h.bot.audit.list({ action: 'page.acknowledged' })).find((e) => e.actor === 'hh'));
    expect(acked).toBeDefined();
    // …and so is resolving it, as the one who acknowledged.
    await h.slack.clickButton({ userId: U.hh, source: { messageTs: hhPage.ts, channelId: hhPage.channel }, actionId: PAGING_IDS.actions.resolve });
    await eventually(async () => (await h.bot.audit.list({ action: 'page.resolved' })).find((e) => e.actor === 'hh'));

    // After the shadow's end: only the primary.
    clock.set(new Date(until.getTime() + 60_000));
    await h.drain();
    const later = await h.bot.api(ROTA_API).onCall('storage', clock.now());
    expect(later.shadows).toBeUndefined();
    const laterPrimary = slackOf(later.primary)!;
    const hhAfter = pageDms(h.slack, U.hh).length;
    const primaryAfter = pageDms(h.slack, laterPrimary).length;
    expect((await h.slack.sendSlashCommand({ userId: U.thockin, channelId: rig.channel, text: 'page storage severity=critical bucket 403s again' })).ok).toBe(true);
    await h.drain();
    await h.slack.waitFor(() => pageDms(h.slack, laterPrimary).length > primaryAfter);
    await h.drain();
    expect(pageDms(h.slack, U.hh).filter((m) => m.text.includes('bucket 403s again'))).toHaveLength(0);
    expect(pageDms(h.slack, U.hh)).toHaveLength(hhAfter);
  });
});
