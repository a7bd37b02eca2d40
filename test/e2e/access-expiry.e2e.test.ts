import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_IDS } from '../../src/access/ids.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startAccessHarness, type AccessHarness } from '../access/helpers/access-harness.ts';
import { readK8sIo } from '../access/helpers/fixtures.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { parsePatch, reverseApply } from '../access/helpers/unified-diff.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const GROUP = 'k8s-infra-gcp-auditors@kubernetes.io';
const BEFORE = reverseApply(readK8sIo(FILE), parsePatch(readK8sIo('sample-prs/access-request-523847a9b.patch'))[0]!);
const JIM = 'U0JIMANGE'; // requester
const AMEUKAM = 'U0AMEUKAM'; // approver
const BEN = 'U0BENTHEE'; // neither

describe('access end to end: reminders 7 and 1 days before, Extend and End now', () => {
  let e2e: AccessHarness;
  const clock = new ManualClock('2022-01-19T12:00:00Z');
  beforeAll(async () => {
    e2e = await startAccessHarness({ clock, repos: { [REPO]: { ...k8sIoGroupsFiles(), [FILE]: BEFORE } } });
    await e2e.integrations.catalog.get();
  });
  afterAll(async () => {
    await e2e?.stop();
  });
  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!;
  const prs = () => e2e.github.pullRequests(REPO);

  async function grant(email: string, until: string) {
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
    const view = await eventually(() => e2e.slack.topView(JIM), 'the modal');
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACCESS_IDS.actions.groupSelect, value: 'auditors' });
    const r = await e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: GROUP },
        email: { [ACCESS_IDS.actions.email]: email },
        justification: { [ACCESS_IDS.actions.justification]: 'Cost review for the Q1 budget, a few weeks.' },
        duration: { [ACCESS_IDS.actions.duration]: 'temporary' },
        until: { [ACCESS_IDS.actions.until]: until },
      },
    });
    expect(r.errors).toBeUndefined();
    const message = await eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email)), 'the approval message');
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve });
    const pr = await eventually(() => prs().find((p) => p.title.includes(email)), 'the PR');
    await e2e.botRecordedPr(pr.number);
    e2e.github.mergePullRequest(REPO, pr.number);
    expect((await e2e.githubWebhook('pull_request', e2e.github.pullRequestEvent(REPO, pr.number))).status).toBe(200);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.startsWith(`Merged: ${email}`)), 'the merged DM');
    return pr;
  }
  const reminder = (userId: string, email: string, when: string) => e2e.slack.dms(userId).find((m) => m.text?.includes(`ends ${when}`) && m.text.includes(email));
  async function click(userId: string, source: { messageTs: string; channelId: string }, actionId: string) {
    const before = e2e.slack.ephemerals(userId).length;
    await e2e.slack.clickButton({ userId, source, actionId });
    return eventually(() => e2e.slack.ephemerals(userId).slice(before).at(-1)?.text, `an answer to ${userId}`);
  }

  it('reminders reach the requester and the approver 7 days and 1 day before; Extend is the requester’s; the approved extension takes over', async () => {
    await grant('extended.one@example.com', '2022-02-01');
    clock.set(new Date('2022-01-26T00:00:01Z'));
    await e2e.drain();
    expect(reminder(JIM, 'extended.one@example.com', 'in 7 days')).toBeTruthy();
    const toApprover = await eventually(() => reminder(AMEUKAM, 'extended.one@example.com', 'in 7 days'), 'the approver’s reminder');
    expect(JSON.stringify(toApprover.blocks)).toContain(ACCESS_IDS.actions.endNow);
    await e2e.drain();
    expect(e2e.slack.dms(JIM).filter((m) => m.text?.includes('ends in 7 days') && m.text.includes('extended.one@example.com'))).toHaveLength(1);

    // Extend is refused to anyone but the requester (and audited).
    expect(await click(AMEUKAM, { messageTs: toApprover.ts, channelId: e2e.slack.dmChannel(AMEUKAM).id }, ACCESS_IDS.actions.extend)).toBe('Only the requester can ask to extend this access.');
    expect((await e2e.audit.list({ action: 'access.refused' })).some((a) => a.actor === AMEUKAM && a.payload.attempted === 'extend')).toBe(true);

    const mine = reminder(JIM, 'extended.one@example.com', 'in 7 days')!;
    await e2e.slack.clickButton({ userId: JIM, source: { messageTs: mine.ts, channelId: e2e.slack.dmChannel(JIM).id }, actionId: ACCESS_IDS.actions.extend });
    const modal = await eventually(() => e2e.slack.topView(JIM)?.callback_id === ACCESS_IDS.callbacks.extend && e2e.slack.topView(JIM), 'the extend modal');
    const early = await e2e.slack.submitView({ userId: JIM, viewId: modal.id, values: { [ACCESS_IDS.blocks.extendUntil]: { [ACCESS_IDS.actions.extendUntil]: '2022-01-30' }, [ACCESS_IDS.blocks.extendJustification]: { [ACCESS_IDS.actions.extendJustification]: 'The review takes two more weeks.' } } });
    expect(early.errors?.[ACCESS_IDS.blocks.extendUntil]).toBe('Pick a day after 2022-02-01, the current last day.');
    const ok = await e2e.slack.submitView({ userId: JIM, viewId: modal.id, values: { [ACCESS_IDS.blocks.extendUntil]: { [ACCESS_IDS.actions.extendUntil]: '2022-02-15' }, [ACCESS_IDS.blocks.extendJustification]: { [ACCESS_IDS.actions.extendJustification]: 'The review takes two more weeks.' } } });
    expect(ok.errors).toBeUndefined();
    const extension = await eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes('extended.one@example.com') && m.text.includes('until 2022-02-15')), 'the extension’s approval message');
    const before = prs().length;
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: extension.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve });
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.startsWith('Your extension was approved')), 'the extension approved');
    await e2e.drain();
    expect(prs()).toHaveLength(before);
    expect((await e2e.audit.list({ action: 'access.superseded' })).length).toBe(1);

    // The first grant's end (2022-02-02) passes: nothing is removed; the extension's is 2022-02-16.
    clock.set(new Date('2022-02-03T00:00:00Z'));
    await e2e.drain();
    expect(prs().filter((p) => p.title.startsWith('groups: remove extended.one@example.com'))).toEqual([]);
    clock.set(new Date('2022-02-16T00:00:01Z'));
    await e2e.drain();
    const removal = await eventually(() => prs().find((p) => p.title.startsWith('groups: remove extended.one@example.com')), 'the removal at the extension’s end');
    expect(removal.title).toContain('2022-02-15');
    expect(reminder(JIM, 'extended.one@example.com', 'tomorrow')).toBeTruthy();
    expect(reminder(AMEUKAM, 'extended.one@example.com', 'tomorrow')).toBeTruthy();
  });

  it('End now: refused to someone who is neither requester nor approver; an approver opens the removal at once', async () => {
    clock.set(new Date('2022-03-01T12:00:00Z'));
    await grant('ended.early@example.com', '2022-03-20');
    clock.set(new Date('2022-03-14T00:00:01Z'));
    await e2e.drain();
    const mine = await eventually(() => reminder(JIM, 'ended.early@example.com', 'in 7 days'), 'the reminder');
    // A crafted click from someone who never saw the button (Slack would not send it; the bot must refuse it anyway).
    const requestId = JSON.stringify(mine.blocks).match(/ar-[0-9a-f]{12}/)![0];
    const before = e2e.slack.ephemerals(BEN).length;
    const crafted = await e2e.slack.sendRaw({
      payload: {
        type: 'block_actions',
        ...e2e.slack.payloadIdentity(BEN),
        trigger_id: '1.2.crafted',
        channel: { id: channel().id, name: 'wg-k8s-infra' },
        container: { type: 'message', message_ts: mine.ts, channel_id: channel().id },
        actions: [{ type: 'button', action_id: ACCESS_IDS.actions.endNow, block_id: `access-expiry:${requestId}`, value: requestId, action_ts: '1.1' }],
      },
    });
    expect(crafted.status).toBe(200);
    expect(await eventually(() => e2e.slack.ephemerals(BEN).slice(before).at(-1)?.text, 'the refusal')).toBe('Only the requester or the group’s approvers can end this access.');
    expect((await e2e.audit.list({ action: 'access.refused' })).some((a) => a.actor === BEN && a.payload.attempted === 'end-now')).toBe(true);
    expect(prs().some((p) => p.title.startsWith('groups: remove ended.early@example.com'))).toBe(false);
    const theirs = await eventually(() => reminder(AMEUKAM, 'ended.early@example.com', 'in 7 days'), 'the approver’s reminder');
    expect(await click(AMEUKAM, { messageTs: theirs.ts, channelId: e2e.slack.dmChannel(AMEUKAM).id }, ACCESS_IDS.actions.endNow)).toContain('Ending now');
    await eventually(() => prs().find((p) => p.title.startsWith('groups: remove ended.early@example.com')), 'the removal PR');
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('is being ended early by @ameukam')), 'the requester told');
    expect(await click(AMEUKAM, { messageTs: theirs.ts, channelId: e2e.slack.dmChannel(AMEUKAM).id }, ACCESS_IDS.actions.endNow)).toMatch(/^Already ending/);
  });
});
