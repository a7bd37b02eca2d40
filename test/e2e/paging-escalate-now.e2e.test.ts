import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/core/clock.ts';
import { pageService } from '../helpers/capability-internals.ts';
import { ACTION_IDS } from '../../src/platform/ids.ts';
import type { E2E } from '../helpers/start-e2e.ts';
import type { FakePagerDuty } from '../integrations/pagerduty/fake-pagerduty.ts';
import { allText, drain, pageDms, SLACK } from '../escalation/paging-fixture.ts';
import { startPagingE2E, type PagingRig } from '../escalation/paging-fixture.ts';

const MIN = 60_000;

describe('paging: the Escalate now button', () => {
  let e2e: E2E;
  let pd: FakePagerDuty;
  let clock: ManualClock;
  let rig: PagingRig;
  beforeAll(async () => {
    rig = await startPagingE2E();
    ({ e2e, pd, clock } = rig);
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('notifies step 2 at once, records the manual escalation, and the old step-2 job notifies nobody again', async () => {
    const channel = e2e.slack.channelByName('wg-k8s-infra')!;
    // registry's policy: primary (5 min), secondary (5 min), owners. Raised at 03:12.
    await e2e.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel.id, text: 'page registry severity=warning image pulls failing' });
    await drain(e2e);
    const pages = pageService(e2e.bot);
    const page = (await pages.openPages()).find((p) => p.subprojectId === 'registry')!;
    expect(page.stepIndex).toBe(0);
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(0);
    const post = e2e.slack.messages('k8s-infra-alerts').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && allText([m]).includes(page.id))!;
    expect(allText([post])).toContain(ACTION_IDS.paging.escalate);

    // One minute in (well before step 1's 5 minutes), thockin clicks Escalate now.
    clock.advance(1 * MIN);
    const clicked = await e2e.slack.clickButton({ userId: SLACK.thockin, source: { messageTs: post.ts, channelId: post.channel }, actionId: ACTION_IDS.paging.escalate });
    expect(clicked.ok).toBe(true);
    await expect.poll(async () => (await pages.openPages()).find((p) => p.id === page.id)?.stepIndex, { timeout: 5000 }).toBe(1);
    // The clock has not moved: only jobs due now run.
    await drain(e2e);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(0);
    expect(e2e.slack.ephemerals(SLACK.thockin).filter((m) => m.text.includes('no_entry'))).toHaveLength(0);

    const escalated = (await pages.openPages()).find((p) => p.id === page.id)!;
    expect(escalated.timeline.some((e) => e.kind === 'escalated' && e.text === '@thockin escalated to the next step now')).toBe(true);
    expect(escalated.nextStepDueAt).toBe('2026-11-24T03:18:00.000Z');
    const thread = () => allText(e2e.slack.thread('k8s-infra-alerts', post.ts).slice(1));
    expect(thread()).toContain('@thockin escalated to the next step now');

    const audit = await e2e.bot.deps.audit.list({ subject: `page:${page.id}` });
    expect(audit.map((a) => a.action)).toEqual(['page.created', 'page.escalated']);
    expect(audit[1]).toMatchObject({ actor: 'thockin', payload: { manual: true, step: 2, pass: 1 } });

    // 03:17: the originally scheduled step-2 job comes due. It is stale: nobody is notified again.
    clock.advance(4 * MIN);
    await drain(e2e);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.nikhita)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(0);
    expect((await e2e.bot.deps.audit.list({ subject: `page:${page.id}` })).map((a) => a.action)).toEqual(['page.created', 'page.escalated']);
    expect((await pages.openPages()).find((p) => p.id === page.id)!.stepIndex).toBe(1);

    // 03:18: step 3 runs on the schedule the manual escalation set (5 min after it): hh, awake in Auckland.
    clock.advance(1 * MIN);
    await drain(e2e);
    expect(pageDms(e2e.slack, SLACK.hh)).toHaveLength(1);
    expect(pageDms(e2e.slack, SLACK.bentheelder)).toHaveLength(1);
    const final = await e2e.bot.deps.audit.list({ subject: `page:${page.id}` });
    expect(final.map((a) => a.action)).toEqual(['page.created', 'page.escalated', 'page.escalated']);
    expect(final[2]).toMatchObject({ actor: 'system', payload: { step: 3 } });
  });
});
