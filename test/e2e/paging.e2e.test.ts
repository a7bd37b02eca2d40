import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import type { Harness } from '../helpers/harness.ts';
import type { FakePagerDuty } from '../integrations/pagerduty/fake-pagerduty.ts';
import { incidentWebhookBody, sendSignedWebhook } from '../integrations/pagerduty/webhook-client.ts';
import { allText, pageDms, SLACK, startPagingE2E, WEBHOOK_SECRET, type PagingRig } from '../escalation/paging-fixture.ts';
import type { ManualClock } from '../../src/core/clock.ts';

const MIN = 60_000;

describe('paging end to end through the Slack emulator and a local PagerDuty', () => {
  let e2e: Harness;
  let pd: FakePagerDuty;
  let clock: ManualClock;
  let rig: PagingRig;
  const drain = () => rig.drain();
  beforeAll(async () => {
    rig = await startPagingE2E();
    ({ h: e2e, clock } = rig);
    pd = rig.pd!;
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('raises a page from the modal, escalates over three steps skipping people asleep, is acknowledged from a DM and resolved', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    // `gcr` is an alias of the registry service, which belongs to the registry subproject.
    const cmd = await e2e.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel.id, text: 'page gcr' });
    expect(cmd.ok).toBe(true);
    expect(cmd.ackMs).toBeLessThan(3000);
    const modal = await e2e.slack.waitFor(() => e2e.slack.topView(SLACK.thockin));
    expect(modal.callback_id).toBe('paging.create_page');

    // Empty (whitespace) summary: inline error, no page.
    const empty = await e2e.slack.submitView({ userId: SLACK.thockin, viewId: modal.id, values: { [PAGING_IDS.blocks.summary]: { [PAGING_IDS.actions.summary]: '   ' } } });
    expect(empty.errors?.[PAGING_IDS.blocks.summary]).toMatch(/summary/i);

    const long = `registry.k8s.io returns 503 for image pulls in europe-west; ${'details '.repeat(200)}`;
    const submitted = await e2e.slack.submitView({
      userId: SLACK.thockin,
      viewId: modal.id,
      values: {
        [PAGING_IDS.blocks.severity]: { [PAGING_IDS.actions.severity]: 'warning' },
        [PAGING_IDS.blocks.summary]: { [PAGING_IDS.actions.summary]: long },
        [PAGING_IDS.blocks.details]: { [PAGING_IDS.actions.details]: 'started 03:05 UTC' },
      },
    });
    expect(submitted.ok).toBe(true);
    await drain();

    // The page is in the registry channel with its buttons; step 1 DMs the primary, nikhita.
    const post = await e2e.slack.waitFor(() => e2e.slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes('[PAGE] registry')));
    expect(allText([post])).toContain(PAGING_IDS.actions.acknowledge);
    expect(allText([post])).toContain(long.slice(0, 100));
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(allText(pageDms(e2e.slack, SLACK.nikhita))).toContain(PAGING_IDS.actions.acknowledge);

    // PagerDuty got the trigger, summary cut to 1024 with a marker; Slack kept the full text.
    await e2e.slack.waitFor(() => pd.events.some((e) => e.event_action === 'trigger'));
    const trigger = pd.events.find((e) => e.event_action === 'trigger')!;
    expect(trigger.payload!.summary.length).toBeLessThanOrEqual(1024);
    expect(trigger.payload!.summary).toContain('[truncated, full text in Slack]');
    expect(trigger.routing_key).toBe('R0UT1NGKEYREGISTRY0123456789abcd');

    // Step 2 after 5 minutes: the secondary, bentheelder.
    clock.advance(5 * MIN);
    await drain();
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);

    // Step 3 after 5 more: the owners; hh is awake in Auckland, ameukam and upodroid are skipped.
    clock.advance(5 * MIN);
    await drain();
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.ameukam)).toHaveLength(0);
    expect(pageDms(e2e.slack, SLACK.upodroid)).toHaveLength(0);
    const thread = () => allText(e2e.slack.thread('k8s-infra-alerts', post.ts).slice(1));
    expect(thread()).toContain('skipped @ameukam: 04:22 in Europe/Paris, severity warning');
    expect(thread()).toContain('skipped @upodroid: 03:22 in Europe/London, severity warning');
    expect(thread()).toContain('not re-notified @bentheelder');

    // hh acknowledges from the DM; nikhita clicks her (not yet updated) DM right after: she is told who was first.
    clock.advance(1 * MIN);
    const pages = rig.paging;
    const page = (await pages.openPages()).find((p) => p.createdBy === 'thockin')!;
    const dm = pageDms(e2e.slack, SLACK.hh)[0]!;
    const clicked = await e2e.slack.clickButton({ userId: SLACK.hh, source: { messageTs: dm.ts, channelId: dm.channel }, actionId: PAGING_IDS.actions.acknowledge });
    expect(clicked.ok).toBe(true);
    await expect.poll(async () => (await pages.openPages()).find((p) => p.id === page.id)?.status, { timeout: 5000 }).toBe('acknowledged');
    const nikhitaDm = pageDms(e2e.slack, SLACK.nikhita)[0]!;
    await e2e.slack.clickButton({ userId: SLACK.nikhita, source: { messageTs: nikhitaDm.ts, channelId: nikhitaDm.channel }, actionId: PAGING_IDS.actions.acknowledge });
    const told = await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.nikhita).at(-1));
    expect(told.text).toBe('Already acknowledged by <@U0HHHHHHH> at 03:23 UTC.');
    expect((await pages.openPages()).find((p) => p.id === page.id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'hh' });
    await drain();
    // Every message of the page (channel and DMs) says who acknowledged it and lost its Acknowledge button.
    for (const m of [post, pageDms(e2e.slack, SLACK.nikhita)[0]!, pageDms(e2e.slack, SLACK.bentheelder)[0]!, dm]) {
      const shown = e2e.slack.messages(m.channel).find((x) => x.ts === m.ts)!;
      expect(allText([shown])).toContain('Acknowledged* by <@U0HHHHHHH> at 2026-11-24 03:23 UTC');
      expect(allText([shown])).not.toContain(PAGING_IDS.actions.acknowledge);
    }
    expect(thread()).toContain('acknowledged by @hh');
    await e2e.slack.waitFor(() => pd.events.some((e) => e.event_action === 'acknowledge'));

    // No step fires after the ack.
    clock.advance(60 * MIN);
    await drain();
    expect(pageDms(e2e.slack, SLACK.ameukam)).toHaveLength(0);

    // jimangel is neither owner, participant, lead nor acknowledger: refused. hh (the acknowledger) resolves.
    await e2e.slack.clickButton({ userId: SLACK.jimangel, source: { messageTs: post.ts, channelId: post.channel }, actionId: PAGING_IDS.actions.resolve });
    expect((await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.jimangel).at(-1))).text).toBe(
      ":no_entry: Only whoever acknowledged it, the owners of registry, the participants of its rotations and the group's leads may resolve this page.",
    );
    expect((await pages.openPages()).map((p) => p.id)).toContain(page.id);
    await e2e.slack.clickButton({ userId: SLACK.hh, source: { messageTs: dm.ts, channelId: dm.channel }, actionId: PAGING_IDS.actions.resolve });
    await expect.poll(async () => (await pages.openPages()).some((p) => p.id === page.id), { timeout: 5000 }).toBe(false);
    await drain();
    expect(allText([e2e.slack.messages(post.channel).find((x) => x.ts === post.ts)!])).toContain('Resolved* by <@U0HHHHHHH>');
    expect(thread()).toContain('resolved by @hh');
    await e2e.slack.waitFor(() => pd.events.some((e) => e.event_action === 'resolve'));
    expect(pd.events.map((e) => e.event_action)).toEqual(['trigger', 'acknowledge', 'resolve']);
    expect(pd.alerts.get(page.id)?.status).toBe('resolved');

    // PagerDuty's own webhook for the resolution comes back, signed: accepted, nothing changes.
    const hook = await sendSignedWebhook(`${e2e.bot.url}/webhooks/pagerduty`, incidentWebhookBody({ eventType: 'incident.resolved', incidentKey: page.id }), { secrets: [WEBHOOK_SECRET] });
    expect(hook.status).toBe(200);
    expect(JSON.parse(hook.body)).toMatchObject({ outcome: 'unchanged' });

    // Audit trail, metrics.
    const audit = await rig.audit.list({ subject: `page:${page.id}` });
    expect(audit.map((a) => a.action)).toEqual(['page.created', 'page.escalated', 'page.escalated', 'page.acknowledged', 'page.refused', 'page.resolved']);
    expect(audit.find((a) => a.action === 'page.refused')).toMatchObject({ actor: 'jimangel', payload: { action: 'resolve', reason: 'no-role' } });
    const metrics = await (await fetch(`${e2e.bot.url}/metrics`)).text();
    expect(metrics).toMatch(/k8s_infra_bot_page_time_to_acknowledge_seconds_sum\{subproject="registry",severity="warning"\} 660/);
    expect(metrics).toMatch(/k8s_infra_bot_page_time_to_resolve_seconds_count\{subproject="registry",severity="warning"\} 1/);
    // Never a phone number in the channel.
    expect(allText(e2e.slack.messages('k8s-infra-alerts'))).not.toMatch(/\+\d{8,}/);
  });
});
