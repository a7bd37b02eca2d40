import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.ts';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import type { Harness } from '../helpers/harness.ts';
import type { FakePagerDuty } from '../integrations/pagerduty/fake-pagerduty.ts';
import { incidentWebhookBody, sendSignedWebhook } from '../integrations/pagerduty/webhook-client.ts';
import { allText, pageDms, SLACK, startPagingE2E, WEBHOOK_SECRET, type PagingRig } from '../escalation/paging-fixture.ts';

describe('paging with bad input and failing outside services', () => {
  let e2e: Harness;
  let pd: FakePagerDuty;
  let clock: ManualClock;
  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!.id;
  const pages = () => rig.paging;
  const postOf = (pageId: string) =>
    e2e.slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && allText([m]).includes(pageId));

  let rig: PagingRig;
  beforeAll(async () => {
    rig = await startPagingE2E();
    ({ h: e2e, clock } = rig);
    pd = rig.pd!;
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('answers an unknown subproject with the closest match, ephemerally, and pages nobody', async () => {
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page registy pulls failing' });
    const shown = await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.dims).at(-1));
    expect(shown.text).toContain("I don't know the subproject or service `registy`. Did you mean `registry`?");
    expect((await pages().openPages()).filter((p) => p.createdBy === 'dims')).toHaveLength(0);
  });

  it('refuses an over-long summary typed on the command line', async () => {
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: `page dns ${'x'.repeat(3000)}` });
    const shown = await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.dims).at(-1));
    expect(shown.text).toContain('Keep the summary under 2800 characters');
  });

  it('pages a subproject with an empty rotation: skips to the next step and the leads, and says so', async () => {
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page apps severity=warning cloud build queue stuck' });
    await rig.drain();
    const page = (await pages().openPages()).find((p) => p.subprojectId === 'apps')!;
    expect(page).toBeDefined();
    const post = postOf(page.id)!;
    const thread = allText(e2e.slack.thread('k8s-infra-alerts', post.ts).slice(1));
    expect(thread).toContain('nobody on call as primary for apps');
    expect(thread).toContain('step 1: nobody on call for apps, going on to step 2');
    expect(thread).toContain("nobody is on call for apps (empty rotation): the page goes to the next step and to the group's leads");
    // Step 2 of `standard` is secondary + owners (spiffxp, thockin, dims); the leads are told as well.
    for (const lead of [SLACK.ameukam, SLACK.dims, SLACK.spiffxp, SLACK.thockin]) expect(pageDms(e2e.slack, lead).length).toBeGreaterThan(0);
    expect(page.stepIndex).toBe(1);
    // No PagerDuty for apps: nothing sent.
    expect(pd.events.filter((e) => e.dedup_key === page.id)).toHaveLength(0);
  });

  it('refuses Acknowledge on a resolved page', async () => {
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page dns zone push failed' });
    await rig.drain();
    const page = (await pages().openPages()).find((p) => p.subprojectId === 'dns')!;
    const post = postOf(page.id)!;
    await e2e.slack.clickButton({ userId: SLACK.dims, source: { messageTs: post.ts, channelId: post.channel }, actionId: PAGING_IDS.actions.resolve });
    await expect.poll(async () => (await pages().openPages()).some((p) => p.id === page.id)).toBe(false);
    // The message is not updated yet (jobs have not run): a late click on its Acknowledge button.
    await e2e.slack.clickButton({ userId: SLACK.upodroid, source: { messageTs: post.ts, channelId: post.channel }, actionId: PAGING_IDS.actions.acknowledge });
    const told = await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.upodroid).at(-1));
    expect(told.text).toContain('is already resolved (by @dims');
    const audit = await rig.audit.list({ subject: `page:${page.id}` });
    expect(audit.map((a) => a.action)).toEqual(['page.created', 'page.resolved']);
  });

  it('keeps working in Slack while PagerDuty is down, retries 5xx with backoff and records a 400 without retrying', async () => {
    pd.reset();
    pd.answerAlways(503);
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page registry severity=critical registry down' });
    await rig.drain();
    const page = (await pages().openPages()).find((p) => p.subprojectId === 'registry')!;
    expect(postOf(page.id)).toBeDefined();
    expect(pageDms(e2e.slack, SLACK.nikhita).length).toBeGreaterThan(0);
    expect(page.pager.trigger).toBe('retrying');
    expect(page.timeline.some((e) => e.kind === 'pager' && e.text.includes('PagerDuty trigger failed (503'))).toBe(true);
    // The retry is a job row due later; PagerDuty is back by then.
    pd.answerAlways(undefined);
    clock.advance(30_000);
    await rig.drain();
    const after = (await pages().openPages()).find((p) => p.id === page.id)!;
    expect(after.pager.trigger).toBe('ok');
    // Acknowledge, and PagerDuty rejects it with a 400: recorded, not retried.
    pd.answerNext(400);
    const post = postOf(page.id)!;
    await e2e.slack.clickButton({ userId: SLACK.hh, source: { messageTs: post.ts, channelId: post.channel }, actionId: PAGING_IDS.actions.acknowledge });
    await expect.poll(async () => (await pages().openPages()).find((p) => p.id === page.id)?.status).toBe('acknowledged');
    await rig.drain();
    clock.advance(3_600_000);
    await rig.drain();
    const acked = (await pages().openPages()).find((p) => p.id === page.id)!;
    expect(acked.pager.acknowledge).toBe('failed');
    expect(acked.timeline.filter((e) => e.kind === 'pager' && e.text.includes('rejected acknowledge (400)'))).toHaveLength(1);
    expect(pd.requests.filter((r) => (r.body as { event_action?: string } | undefined)?.event_action === 'acknowledge')).toHaveLength(1);
  });

  it('rejects a webhook with a bad signature (401) and ignores one for an unknown incident (2xx)', async () => {
    const url = `${e2e.bot.url}/webhooks/pagerduty`;
    const body = incidentWebhookBody({ eventType: 'incident.acknowledged', incidentKey: 'registry-0000000000' });
    expect((await sendSignedWebhook(url, body, { secrets: ['not-the-secret'] })).status).toBe(401);
    expect((await sendSignedWebhook(url, body, { unsigned: true })).status).toBe(401);
    const unknown = await sendSignedWebhook(url, body, { secrets: [WEBHOOK_SECRET] });
    expect(unknown.status).toBe(202);
    expect(JSON.parse(unknown.body)).toMatchObject({ outcome: 'ignored' });
  });

  it('mirrors a resolution made in PagerDuty to Slack messages and the timeline', async () => {
    // The registry page of the test above: sent to PagerDuty, acknowledged by hh in Slack.
    const page = (await pages().openPages()).find((p) => p.subprojectId === 'registry')!;
    expect(page.pager.trigger).toBe('ok');
    const body = incidentWebhookBody({ eventType: 'incident.resolved', incidentKey: page.id, agentName: 'Jane Doe' });
    const hook = await sendSignedWebhook(`${e2e.bot.url}/webhooks/pagerduty`, body, { secrets: ['old-secret', WEBHOOK_SECRET] });
    expect(hook.status).toBe(200);
    await rig.drain();
    const post = postOf(page.id)!;
    expect(allText([post])).toContain('Resolved* by Jane Doe (in PagerDuty)');
    expect(allText(e2e.slack.thread('k8s-infra-alerts', post.ts))).toContain('resolved in PagerDuty by Jane Doe');
    // The same webhook again changes nothing.
    const again = await sendSignedWebhook(`${e2e.bot.url}/webhooks/pagerduty`, body, { secrets: [WEBHOOK_SECRET] });
    expect(JSON.parse(again.body)).toMatchObject({ outcome: 'unchanged' });
  });

  it('ignores and audits a signed PagerDuty acknowledgement or resolution for a page never sent to PagerDuty', async () => {
    // clusters has no PagerDuty routing key: PagerDuty never heard of this page, so nobody acted on it there.
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page gke severity=critical prow-build nodes not ready' });
    await rig.drain();
    const page = (await pages().openPages()).find((p) => p.subprojectId === 'clusters')!;
    expect(page.pager.trigger).toBe('skipped');
    for (const eventType of ['incident.acknowledged', 'incident.resolved'] as const) {
      const hook = await sendSignedWebhook(`${e2e.bot.url}/webhooks/pagerduty`, incidentWebhookBody({ eventType, incidentKey: page.id, agentName: 'Mallory' }), { secrets: [WEBHOOK_SECRET] });
      expect(hook.status).toBe(202);
      expect(JSON.parse(hook.body)).toMatchObject({ outcome: 'ignored' });
    }
    await rig.drain();
    expect((await pages().openPages()).find((p) => p.id === page.id)?.status).toBe('triggered');
    const refused = await rig.audit.list({ subject: `page:${page.id}`, action: 'page.refused' });
    expect(refused.map((a) => [a.actor, a.payload.reason, a.payload.event])).toEqual([
      ['pagerduty:Mallory', 'never-sent-to-pagerduty', 'acknowledge'],
      ['pagerduty:Mallory', 'never-sent-to-pagerduty', 'resolve'],
    ]);
    expect(allText([postOf(page.id)!])).not.toContain('Mallory');
  });

  it('lists open pages', async () => {
    await e2e.slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page list' });
    const shown = await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.dims).at(-1));
    expect(allText([shown])).toContain('Open pages');
    expect(allText([shown])).toContain('*clusters* (critical)');
  });
});
