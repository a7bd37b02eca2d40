/**
 * Trust, through the real endpoint: who may acknowledge, escalate and resolve a page; paging by
 * people not in the config (limited, joined to the open page); user and PagerDuty text escaped
 * in every message; clicks answered without a response_url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import type { PagingTables } from '../../src/escalation/store/tables.ts';
import type { SlackMessage } from '../../src/sandbox/emulator.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';
import { incidentWebhookBody, sendSignedWebhook } from '../integrations/pagerduty/webhook-client.ts';
import { allText, buttonValue, pageDms, rawClick, SLACK, startPagingE2E, WEBHOOK_SECRET, type PagingRig } from '../escalation/paging-fixture.ts';

const MIN = 60_000;
const STRANGER = 'U0STRANGER';
const OTHER_STRANGER = 'U0VISITOR';

describe('paging trust, through the Slack endpoint', () => {
  let rig: PagingRig;
  const slack = () => rig.h.slack;
  const channel = () => slack().channelByName('wg-k8s-infra')!.id;
  const topLevel = () => slack().messages('k8s-infra-alerts').filter((m) => !m.thread_ts || m.thread_ts === m.ts);
  const postOf = (pageId: string) => topLevel().find((m) => allText([m]).includes(pageId))!;
  const page = async (subprojectId: string) => (await rig.paging.openPages()).find((p) => p.subprojectId === subprojectId)!;
  /** The last thing a person was told next to a page's messages. */
  const lastEphemeral = (userId: string) => slack().waitFor(() => slack().ephemerals(userId, 'k8s-infra-alerts').at(-1));
  /** Sends a command and waits for the ephemeral answer it gets (the first one after it). */
  const command = async (userId: string, text: string) => {
    const before = slack().ephemerals(userId, channel()).length;
    await slack().sendSlashCommand({ userId, channelId: channel(), text });
    return (await slack().waitFor(() => slack().ephemerals(userId, channel())[before])).text;
  };
  const click = (userId: string, m: SlackMessage, actionId: string) => slack().clickButton({ userId, source: { messageTs: m.ts, channelId: m.channel }, actionId });

  beforeAll(async () => {
    rig = await startPagingE2E();
    slack().addUser({ id: STRANGER, name: 'stranger', real_name: 'Someone not in the config' });
    slack().addUser({ id: OTHER_STRANGER, name: 'visitor' });
    for (const id of [STRANGER, OTHER_STRANGER]) slack().workspace.ensureMember(slack().channelByName('wg-k8s-infra')!, id);
  });
  afterAll(async () => rig.stop());

  it('refuses Acknowledge and Escalate now from someone not in the config and from a configured person with no role, ephemerally; the escalation goes on; each refusal is audited', async () => {
    await slack().sendSlashCommand({ userId: SLACK.thockin, channelId: channel(), text: 'page registry severity=warning image pulls failing' });
    await rig.drain();
    const registry = await page('registry');
    const post = postOf(registry.id);

    expect((await click(STRANGER, post, PAGING_IDS.actions.acknowledge)).ok).toBe(true);
    expect((await lastEphemeral(STRANGER)).text).toBe(
      ":no_entry: Only the people this page notified, the owners of registry, the participants of its rotations and the group's leads may acknowledge this page. You are not in the bot's config (config/infra.yaml): you can raise a page, not act on one.",
    );
    // jimangel is in the config, but neither notified, owner, participant nor lead for registry.
    await click(SLACK.jimangel, post, PAGING_IDS.actions.escalate);
    expect((await lastEphemeral(SLACK.jimangel)).text).toContain('may escalate this page.');
    await click(STRANGER, post, PAGING_IDS.actions.resolve);
    expect((await slack().waitFor(() => slack().ephemerals(STRANGER).find((m) => m.text.includes('may resolve this page')))).text).toContain("You are not in the bot's config");

    // Nothing changed: the page is triggered at step 1, and step 2 fires on time.
    expect(await page('registry')).toMatchObject({ status: 'triggered', stepIndex: 0 });
    rig.clock.advance(5 * MIN);
    await rig.drain();
    expect(pageDms(slack(), SLACK.bentheelder)).toHaveLength(1);
    const refused = await rig.audit.list({ subject: `page:${registry.id}`, action: 'page.refused' });
    expect(refused.map((a) => [a.actor, a.payload.action, a.payload.reason])).toEqual([
      [STRANGER, 'acknowledge', 'not-in-config'],
      ['jimangel', 'escalate', 'no-role'],
      [STRANGER, 'resolve', 'not-in-config'],
    ]);
  });

  it('answers a click that carries no response_url through chat.postEphemeral, refused or allowed', async () => {
    const registry = await page('registry');
    const post = postOf(registry.id);
    const refused = await rawClick(slack(), { userId: STRANGER, message: post, actionId: PAGING_IDS.actions.acknowledge, value: registry.id });
    expect(refused.status).toBe(200);
    await slack().waitFor(() => slack().ephemerals(STRANGER).filter((m) => m.text.includes('may acknowledge this page')).length === 2);
    // nikhita was notified at step 1: her acknowledgement counts; a second one is told who was first.
    await rawClick(slack(), { userId: SLACK.nikhita, message: post, actionId: PAGING_IDS.actions.acknowledge, value: registry.id });
    await expect.poll(async () => (await rig.pages.load(registry.id))?.status, { timeout: 5000 }).toBe('acknowledged');
    await rawClick(slack(), { userId: SLACK.hh, message: post, actionId: PAGING_IDS.actions.acknowledge, value: registry.id });
    expect((await lastEphemeral(SLACK.hh)).text).toMatch(/^Already acknowledged by <@U0NIKHITA> at \d\d:\d\d UTC\.$/);
    expect(slack().apiCalls.filter((c) => c.method === 'chat.postEphemeral').length).toBeGreaterThanOrEqual(2);
    expect(rig.h.bot.logLines.join('')).not.toContain('respond is not a function');
  });

  it('lets anyone page, joins a page for a subproject that has one open instead of waking people again, and tells the reporter', async () => {
    expect(await command(STRANGER, 'page dns severity=critical k8s.io does not resolve')).toMatch(/^:rotating_light: Paged \*dns\*/);
    await rig.drain();
    const dns = await page('dns');
    expect(dns.createdBy).toBe(STRANGER);
    const notified = dns.notifications.length;
    const dmsBefore = slack().apiCalls.filter((c) => c.method === 'chat.postMessage' && String(c.args.channel).startsWith('D')).length;

    const joined = await command(SLACK.jimangel, 'page dns severity=warning kubernetes.io is flapping');
    expect(joined).toContain(`*dns* already has an open page (\`${dns.id}\``);
    expect(joined).toContain('nobody was woken again');
    await rig.drain();
    expect((await rig.paging.openPages()).filter((p) => p.subprojectId === 'dns')).toHaveLength(1);
    expect((await page('dns')).notifications).toHaveLength(notified);
    expect(slack().apiCalls.filter((c) => c.method === 'chat.postMessage' && String(c.args.channel).startsWith('D')).length).toBe(dmsBefore);
    const thread = allText(slack().thread('k8s-infra-alerts', postOf(dns.id).ts));
    expect(thread).toContain('also reported by @jimangel (severity warning): kubernetes.io is flapping');
    expect((await rig.audit.list({ subject: `page:${dns.id}` })).map((a) => a.action)).toEqual(['page.created', 'page.joined']);
  });

  it('limits someone not in the config to three pages an hour, counted in the database, and says the page was not raised', async () => {
    // The stranger raised the dns page above; two more (they join it) and the fourth is refused.
    for (const n of [2, 3]) expect(await command(STRANGER, `page dns still down ${n}`)).toContain('already has an open page');
    const told = await command(STRANGER, 'page website everything is down');
    expect(told).toMatch(/^:no_entry: Your page was NOT raised: people not in the bot's config may page 3 times an hour, and you have 3\. Ask in #wg-k8s-infra, or page again after \d\d:\d\d UTC\.$/);
    expect((await rig.paging.openPages()).some((p) => p.subprojectId === 'website')).toBe(false);
    const rows = await rig.store.db.withTables<PagingTables>().selectFrom('page_reports').select(['reporter', 'outcome']).where('reporter', '=', STRANGER).execute();
    expect(rows.map((r) => r.outcome)).toEqual(['raised', 'joined', 'joined']);
    expect((await rig.audit.list({ action: 'page.refused', subject: 'subproject:website' })).map((a) => [a.actor, a.payload.reason])).toEqual([[STRANGER, 'rate-limited']]);
    // People in the config are not limited, and another stranger has their own count.
    expect(await command(OTHER_STRANGER, 'page website docs 404')).toMatch(/^:rotating_light: Paged \*website\*/);
  });

  it('escapes every summary, detail, reporter and PagerDuty agent name in the channel post, the DMs and the thread', async () => {
    await slack().sendSlashCommand({ userId: SLACK.hh, channelId: channel(), text: 'page storage' });
    const modal = await slack().waitFor(() => slack().topView(SLACK.hh));
    await slack().submitView({
      userId: SLACK.hh,
      viewId: modal.id,
      values: {
        [PAGING_IDS.blocks.severity]: { [PAGING_IDS.actions.severity]: 'critical' },
        [PAGING_IDS.blocks.summary]: { [PAGING_IDS.actions.summary]: `${HOSTILE} buckets unreadable` },
        [PAGING_IDS.blocks.details]: { [PAGING_IDS.actions.details]: `${HOSTILE} since 03:00` },
      },
    });
    await rig.drain();
    const storage = await page('storage');
    // A stranger's report with the hostile string joins it.
    await slack().sendSlashCommand({ userId: OTHER_STRANGER, channelId: channel(), text: `page storage ${HOSTILE}` });
    await rig.drain();
    // The registry page (sent to PagerDuty) is resolved there by an agent with a hostile name.
    const registry = await page('registry');
    expect((await sendSignedWebhook(`${rig.h.bot.url}/webhooks/pagerduty`, incidentWebhookBody({ eventType: 'incident.resolved', incidentKey: registry.id, agentName: HOSTILE }), { secrets: [WEBHOOK_SECRET] })).status).toBe(200);
    await rig.drain();

    const everything = [...slack().messages('k8s-infra-alerts'), ...Object.values(SLACK).flatMap((u) => slack().dms(u)), ...slack().ephemerals(SLACK.hh), ...slack().ephemerals(OTHER_STRANGER)];
    expect(unescapedHostile(everything)).toEqual([]);
    const stored = allText(slack().thread('k8s-infra-alerts', postOf(storage.id).ts));
    expect(stored).toContain('&lt;!channel&gt; &lt;!here&gt;');
    expect(allText([slack().messages('k8s-infra-alerts').find((m) => m.ts === postOf(registry.id).ts)!])).toContain('Resolved* by &lt;!channel&gt;');
    // Everyone the storage page notified got it escaped too (they are among the DMs above).
    const notified = new Set(storage.notifications.map((n) => rig.h.config.people.find((p) => p.id === n.personId)!.slack));
    expect(notified.size).toBeGreaterThan(0);
    for (const u of notified) expect(pageDms(slack(), u).length).toBeGreaterThan(0);
  });

  it('refuses over-long text with the limit in the form, and never opens a view Slack would refuse', async () => {
    await slack().sendSlashCommand({ userId: SLACK.dims, channelId: channel(), text: 'page test-compute' });
    const modal = await slack().waitFor(() => slack().topView(SLACK.dims));
    const r = await slack().submitView({
      userId: SLACK.dims,
      viewId: modal.id,
      values: { [PAGING_IDS.blocks.summary]: { [PAGING_IDS.actions.summary]: 'boskos out of projects' }, [PAGING_IDS.blocks.details]: { [PAGING_IDS.actions.details]: 'x'.repeat(2801) } },
    });
    expect(r.errors?.[PAGING_IDS.blocks.details]).toBe('Details are limited to 2800 characters (they have 2801).');
    expect((await rig.paging.openPages()).some((p) => p.subprojectId === 'test-compute')).toBe(false);
    // The escalate button of a page carries its step: what Slack sends back names page and step.
    expect(buttonValue(postOf((await page('dns')).id), PAGING_IDS.actions.escalate)).toMatch(/^dns-[0-9a-f]{10}@1$/);
  });
});
