import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_IDS } from '../../src/access/ids.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startAccessHarness, type AccessHarness } from '../access/helpers/access-harness.ts';
import { readK8sIo } from '../access/helpers/fixtures.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { parsePatch, reverseApply } from '../access/helpers/unified-diff.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const GROUP = 'k8s-infra-gcp-auditors@kubernetes.io';
const BEFORE = reverseApply(readK8sIo(FILE), parsePatch(readK8sIo('sample-prs/access-request-523847a9b.patch'))[0]!);
const JIM = 'U0JIMANGE';
const AMEUKAM = 'U0AMEUKAM';
const DIMS = 'U0DIMS001';

describe('access trust: webhooks from forks, other workspaces, hostile text', () => {
  let e2e: AccessHarness;
  let github: FakeGithub;

  beforeAll(async () => {
    e2e = await startAccessHarness({ clock: new ManualClock('2022-01-19T12:00:00Z'), repos: { [REPO]: { ...k8sIoGroupsFiles(), [FILE]: BEFORE } } });
    github = e2e.github;
    await e2e.integrations.catalog.get();
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!;

  async function requestAndWait(email: string, justification = 'Needed for the quarterly cost review.') {
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
    const view = await eventually(() => e2e.slack.topView(JIM), 'the modal');
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACCESS_IDS.actions.groupSelect, value: 'auditors' });
    const r = await e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: GROUP },
        email: { [ACCESS_IDS.actions.email]: email },
        justification: { [ACCESS_IDS.actions.justification]: justification },
        duration: { [ACCESS_IDS.actions.duration]: 'permanent' },
      },
    });
    expect(r.errors).toBeUndefined();
    return eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email)), 'the approval message');
  }

  it('a fork pull request with the bot branch name and another number is ignored and audited; the real merge then grants', async () => {
    const message = await requestAndWait('fork.spoof@example.com');
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve });
    const pr = await eventually(() => github.pullRequests(REPO).find((p) => p.title.includes('fork.spoof')), 'the PR');
    await e2e.botRecordedPr(pr.number);

    // Someone opens a PR from their fork on a branch of the same name, and closes it unmerged.
    const spoof = github.openPullRequestWith(REPO, { branch: pr.headRef, files: { [FILE]: BEFORE }, title: 'spoof', fromFork: 'mallory/k8s.io', author: 'mallory' });
    expect(spoof.number).not.toBe(pr.number);
    github.closePullRequest(REPO, spoof.number);
    const ignored = await e2e.githubWebhook('pull_request', github.pullRequestEvent(REPO, spoof.number));
    expect(ignored.status).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    expect(e2e.slack.dms(JIM).some((m) => m.text?.includes('closed without merging'))).toBe(false);
    const audited = await eventually(async () => (await e2e.audit.list({ action: 'access.github-event-ignored' })).find((a) => a.payload.pr === spoof.number), 'the ignored event audited');
    expect(audited.payload).toMatchObject({ headRepo: 'mallory/k8s.io', branch: pr.headRef, expectedPr: pr.number, expectedHeadRepo: REPO });

    await e2e.botRecordedPr(pr.number);

    github.mergePullRequest(REPO, pr.number);
    expect((await e2e.githubWebhook('pull_request', github.pullRequestEvent(REPO, pr.number))).status).toBe(200);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.startsWith('Merged: fork.spoof@example.com')), 'the merged DM');
  });

  it('an Approve from a user of another workspace is refused at the edge: not counted, no pull request', async () => {
    const message = await requestAndWait('other.team@example.com');
    const before = github.pullRequests(REPO).length;
    const r = await e2e.slack.clickButton({ userId: DIMS, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve, fromTeam: { id: 'T0OTHER' } });
    expect(r.status).toBe(200);
    await eventually(async () => (await e2e.audit.list({ action: 'slack.refused' })).some((a) => String(a.payload.reason).includes('T0OTHER')), 'the refusal audited');
    await e2e.drain();
    expect(github.pullRequests(REPO)).toHaveLength(before);
    expect((await e2e.audit.list({ action: 'access.approval-recorded' })).some((a) => a.payload.member === 'other.team@example.com')).toBe(false);
    expect((await e2e.audit.list({ action: 'access.approved' })).some((a) => a.payload.member === 'other.team@example.com')).toBe(false);
    const shown = e2e.slack.messages('wg-k8s-infra').find((m) => m.ts === message.ts)!;
    expect(JSON.stringify(shown.blocks)).toContain(ACCESS_IDS.actions.approve);
    expect(JSON.stringify(shown.blocks)).not.toContain('Approved by');
  });

  it('a hostile justification reaches the channel, the DMs and the list escaped', async () => {
    const message = await requestAndWait('hostile.text@example.com', `Cost review ${HOSTILE}`);
    // The approvers' own mentions (<@U0DIMS001> is a real approver) are the bot's; only the person's text is checked.
    const typed = (m: { blocks?: unknown[] }) => JSON.stringify(m.blocks ?? []).split('"type"').filter((b) => b.includes('Cost review'));
    expect(typed(message).length).toBeGreaterThan(0);
    expect(unescapedHostile(typed(message))).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt;');
    const dm = await eventually(() => e2e.slack.dms(AMEUKAM).find((m) => m.text?.includes('hostile.text@example.com')), 'the approver DM');
    expect(unescapedHostile(typed(dm))).toEqual([]);
    expect(unescapedHostile(dm.text)).toEqual([]);
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access list' });
    const list = await eventually(() => e2e.slack.ephemerals(JIM).find((m) => JSON.stringify(m.blocks).includes('hostile.text@example.com')), 'the list');
    expect(unescapedHostile(list)).toEqual([]);
  });
});

describe('access: Withdraw, and the approvers’ DM copies after a decision', () => {
  let e2e: AccessHarness;
  beforeAll(async () => {
    e2e = await startAccessHarness({ clock: new ManualClock('2022-01-19T12:00:00Z'), repos: { [REPO]: { ...k8sIoGroupsFiles(), [FILE]: BEFORE } } });
    await e2e.integrations.catalog.get();
  });
  afterAll(async () => {
    await e2e?.stop();
  });
  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!;

  async function requestAndWait(email: string) {
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
    const view = await eventually(() => e2e.slack.topView(JIM), 'the modal');
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACCESS_IDS.actions.groupSelect, value: 'auditors' });
    await e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: GROUP },
        email: { [ACCESS_IDS.actions.email]: email },
        justification: { [ACCESS_IDS.actions.justification]: 'Needed for the quarterly cost review.' },
        duration: { [ACCESS_IDS.actions.duration]: 'permanent' },
      },
    });
    return eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email)), 'the approval message');
  }
  async function click(userId: string, source: { messageTs: string; channelId: string }, actionId: string) {
    const before = e2e.slack.ephemerals(userId).length;
    await e2e.slack.clickButton({ userId, source, actionId });
    return eventually(() => e2e.slack.ephemerals(userId).slice(before).at(-1)?.text, `an answer to ${userId}`);
  }

  it('only the requester can withdraw; a second click hears it is done; the buttons go everywhere', async () => {
    const message = await requestAndWait('withdrawn@example.com');
    const source = { messageTs: message.ts, channelId: channel().id };
    expect(await click(DIMS, source, ACCESS_IDS.actions.cancel)).toBe('Only the requester can withdraw a request.');
    expect((await e2e.audit.list({ action: 'access.refused' })).some((a) => a.actor === DIMS && a.payload.attempted === 'cancel')).toBe(true);
    expect(await click(JIM, source, ACCESS_IDS.actions.cancel)).toBe('Request withdrawn.');
    await eventually(() => !JSON.stringify(e2e.slack.messages('wg-k8s-infra').find((m) => m.ts === message.ts)?.blocks).includes(ACCESS_IDS.actions.approve), 'the channel message without buttons');
    await eventually(() => {
      const copy = e2e.slack.dms(AMEUKAM).find((m) => m.text?.includes('withdrawn@example.com'));
      return copy && !JSON.stringify(copy.blocks).includes(ACCESS_IDS.actions.approve) && JSON.stringify(copy.blocks).includes('Withdrawn');
    }, 'the approver’s DM copy updated');
  });

  it('an approval from a DM copy works, and the other approver’s copy loses its buttons', async () => {
    const message = await requestAndWait('from.dm@example.com');
    const copy = await eventually(() => e2e.slack.dms(DIMS).find((m) => m.text?.includes('from.dm@example.com')), 'the DM copy');
    const dmChannel = e2e.slack.dmChannel(DIMS).id;
    expect(await click(DIMS, { messageTs: copy.ts, channelId: dmChannel }, ACCESS_IDS.actions.approve)).toContain('Approved');
    await eventually(() => {
      const other = e2e.slack.dms(AMEUKAM).find((m) => m.text?.includes('from.dm@example.com'));
      return other && !JSON.stringify(other.blocks).includes(ACCESS_IDS.actions.approve);
    }, 'the other copy updated');
    expect(JSON.stringify(e2e.slack.messages('wg-k8s-infra').find((m) => m.ts === message.ts)?.blocks)).not.toContain(ACCESS_IDS.actions.approve);
  });
});
