import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.ts';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import type { Harness } from '../helpers/harness.ts';
import { allText, buttonValue, pageDms, rawClick, SLACK, startPagingE2E, type PagingRig } from '../escalation/paging-fixture.ts';

const MIN = 60_000;

describe('paging: the Escalate now button', () => {
  let e2e: Harness;
  let clock: ManualClock;
  let rig: PagingRig;
  beforeAll(async () => {
    rig = await startPagingE2E();
    ({ h: e2e, clock } = rig);
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('notifies step 2 at once, records the manual escalation, and the old step-2 job notifies nobody again', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    // registry's policy: primary (5 min), secondary (5 min), owners. Raised at 03:12.
    await e2e.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel.id, text: 'page registry severity=warning image pulls failing' });
    await rig.drain();
    const pages = rig.paging;
    const page = (await pages.openPages()).find((p) => p.subprojectId === 'registry')!;
    expect(page.stepIndex).toBe(0);
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(0);
    const post = e2e.slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && allText([m]).includes(page.id))!;
    expect(allText([post])).toContain(PAGING_IDS.actions.escalate);

    // One minute in (well before step 1's 5 minutes), thockin clicks Escalate now.
    clock.advance(1 * MIN);
    const clicked = await e2e.slack.clickButton({ userId: SLACK.thockin, source: { messageTs: post.ts, channelId: post.channel }, actionId: PAGING_IDS.actions.escalate });
    expect(clicked.ok).toBe(true);
    await expect.poll(async () => (await pages.openPages()).find((p) => p.id === page.id)?.stepIndex, { timeout: 5000 }).toBe(1);
    // The clock has not moved: only jobs due now run.
    await rig.drain();
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(0);
    expect(e2e.slack.ephemerals(SLACK.thockin).filter((m) => m.text.includes('no_entry'))).toHaveLength(0);

    const escalated = (await pages.openPages()).find((p) => p.id === page.id)!;
    expect(escalated.timeline.some((e) => e.kind === 'escalated' && e.text === '@thockin escalated to the next step now')).toBe(true);
    expect(escalated.nextStepDueAt).toBe('2026-11-24T03:18:00.000Z');
    const thread = () => allText(e2e.slack.thread('k8s-infra-alerts', post.ts).slice(1));
    expect(thread()).toContain('@thockin escalated to the next step now');

    const audit = await rig.audit.list({ subject: `page:${page.id}` });
    expect(audit.map((a) => a.action)).toEqual(['page.created', 'page.escalated']);
    expect(audit[1]).toMatchObject({ actor: 'thockin', payload: { manual: true, step: 2, pass: 1 } });

    // 03:17: the originally scheduled step-2 job comes due. It is stale: nobody is notified again.
    clock.advance(4 * MIN);
    await rig.drain();
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(0);
    expect((await rig.audit.list({ subject: `page:${page.id}` })).map((a) => a.action)).toEqual(['page.created', 'page.escalated']);
    expect((await pages.openPages()).find((p) => p.id === page.id)!.stepIndex).toBe(1);

    // 03:18: step 3 runs on the schedule the manual escalation set (5 min after it): hh, awake in Auckland.
    clock.advance(1 * MIN);
    await rig.drain();
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);
    const final = await rig.audit.list({ subject: `page:${page.id}` });
    expect(final.map((a) => a.action)).toEqual(['page.created', 'page.escalated', 'page.escalated']);
    expect(final[2]).toMatchObject({ actor: 'system', payload: { step: 3 } });
  });

  it('escalates one step for the same click delivered three times at once, and for two clicks 1.5 s apart; the repeats are told', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    await e2e.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel.id, text: 'page dns severity=warning zone push failing' });
    await rig.drain();
    const dns = (await rig.paging.openPages()).find((p) => p.subprojectId === 'dns')!;
    const post = e2e.slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && allText([m]).includes(dns.id))!;
    const value = buttonValue(post, PAGING_IDS.actions.escalate);
    expect(value).toBe(`${dns.id}@1`);

    // One click, delivered three times at once (a double delivery, Slack retrying): one payload, one action_ts.
    const click = { userId: SLACK.dims, message: post, actionId: PAGING_IDS.actions.escalate, value, actionTs: '1764500000.000200' };
    const answers = await Promise.all([rawClick(e2e.slack, click), rawClick(e2e.slack, click), rawClick(e2e.slack, click)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.dims, 'k8s-infra-alerts').filter((m) => m.text.startsWith('Already escalated')).length === 2);
    const escalations = async () => (await rig.audit.list({ subject: `page:${dns.id}`, action: 'page.escalated' })).length;
    expect(await escalations()).toBe(1);
    expect(e2e.slack.ephemerals(SLACK.dims, 'k8s-infra-alerts').at(-1)?.text).toBe('Already escalated to step 2: your click did not escalate again.');

    // A second person clicks the same (not yet updated) message 1.5 s later: it showed step 1, so nothing happens.
    await new Promise((r) => setTimeout(r, 1500));
    await rawClick(e2e.slack, { ...click, userId: SLACK.ameukam, actionTs: '1764500001.500000' });
    await e2e.slack.waitFor(() => e2e.slack.ephemerals(SLACK.ameukam, 'k8s-infra-alerts').find((m) => m.text.startsWith('Already escalated')));
    expect(await escalations()).toBe(1);
    expect((await rig.paging.openPages()).find((p) => p.id === dns.id)).toMatchObject({ stepIndex: 1 });
    // The message, brought up to date, carries the new step: a click on it escalates again.
    await rig.drain();
    const updated = e2e.slack.messages('k8s-infra-alerts').find((m) => m.ts === post.ts)!;
    expect(buttonValue(updated, PAGING_IDS.actions.escalate)).toBe(`${dns.id}@2`);
  });
});