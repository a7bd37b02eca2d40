import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_IDS } from '../../src/access/ids.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startAccessHarness, type AccessHarness } from '../access/helpers/access-harness.ts';
import { readK8sIo } from '../access/helpers/fixtures.ts';
import { InMemoryAuditSink } from '../access/helpers/in-memory-audit-sink.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { parsePatch, reverseApply } from '../access/helpers/unified-diff.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const GROUP = 'k8s-infra-gcp-auditors@kubernetes.io';
const JIM = 'U0JIMANGE';
const AMEUKAM = 'U0AMEUKAM';
const DIMS = 'U0DIMS001';

describe('access: deny with a reason, list, PR closed unmerged, audit to the sink', () => {
  let e2e: AccessHarness;
  let github: FakeGithub;
  const sink = new InMemoryAuditSink();

  beforeAll(async () => {
    // The sink stands in for Cloud Logging (config.access.cloudLogging): the same AuditSink interface.
    e2e = await startAccessHarness({
      clock: new ManualClock('2022-01-19T12:00:00Z'),
      repos: { [REPO]: { ...k8sIoGroupsFiles(), [FILE]: reverseApply(readK8sIo(FILE), parsePatch(readK8sIo('sample-prs/access-request-523847a9b.patch'))[0]!) } },
      auditSink: sink,
    });
    github = e2e.github;
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
    const r = await e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: GROUP },
        email: { [ACCESS_IDS.actions.email]: email },
        justification: { [ACCESS_IDS.actions.justification]: 'Needed for the quarterly cost review.' },
        duration: { [ACCESS_IDS.actions.duration]: 'permanent' },
      },
    });
    expect(r.errors).toBeUndefined();
    return eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email)), 'the approval message');
  }

  it('Deny asks for a reason in a modal; the requester is told why; the buttons go', async () => {
    const message = await requestAndWait('denied.person@example.com');
    await e2e.slack.clickButton({ userId: DIMS, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.deny });
    const modal = await eventually(() => e2e.slack.topView(DIMS), 'the reason modal');
    const empty = await e2e.slack.submitView({ userId: DIMS, viewId: modal.id, values: { reason: { [ACCESS_IDS.actions.denyReason]: '   ' } } });
    expect(empty.errors?.reason).toBeTruthy();
    const done = await e2e.slack.submitView({ userId: DIMS, viewId: modal.id, values: { reason: { [ACCESS_IDS.actions.denyReason]: 'Use k8s-infra-gcp-viewers instead.' } } });
    expect(done.errors).toBeUndefined();
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('was denied by @dims: Use k8s-infra-gcp-viewers instead.')), 'the denial DM');
    await eventually(() => {
      const m = e2e.slack.messages('wg-k8s-infra').find((x) => x.ts === message.ts);
      return m && !JSON.stringify(m.blocks).includes(ACCESS_IDS.actions.approve) && JSON.stringify(m.blocks).includes('Denied');
    }, 'the updated message');
    // Too late to approve.
    const before = e2e.slack.ephemerals(AMEUKAM).length;
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve }).catch(() => undefined);
    expect(e2e.slack.ephemerals(AMEUKAM).slice(before).every((m) => !m.text?.startsWith('Approved'))).toBe(true);
  });

  it('/k8s-infra access list: own requests, and what waits on an approver', async () => {
    await requestAndWait('waiting.one@example.com');
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access list' });
    const mine = await eventually(() => e2e.slack.ephemerals(JIM).find((m) => JSON.stringify(m.blocks).includes('Your access requests')), 'the list');
    expect(JSON.stringify(mine.blocks)).toContain('denied.person@example.com');
    await e2e.slack.sendSlashCommand({ userId: AMEUKAM, channelId: channel().id, text: 'access list' });
    const theirs = await eventually(() => e2e.slack.ephemerals(AMEUKAM).find((m) => JSON.stringify(m.blocks).includes('Waiting for your approval')), 'the approver list');
    expect(JSON.stringify(theirs.blocks)).toContain('waiting.one@example.com');
    expect(JSON.stringify(theirs.blocks)).not.toContain('denied.person@example.com');
  });

  it('a PR closed without merging closes the request and tells the requester; everything reached the audit sink', async () => {
    const message = await requestAndWait('closed.unmerged@example.com');
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve });
    const pr = await eventually(() => github.pullRequests(REPO).find((p) => p.title.includes('closed.unmerged')), 'the PR');
    await e2e.botRecordedPr(pr.number);
    github.closePullRequest(REPO, pr.number);
    const res = await e2e.githubWebhook('pull_request', github.pullRequestEvent(REPO, pr.number));
    expect(res.status).toBe(200);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('was closed without merging')), 'the closed DM');
    const actions = await eventually(() => {
      const a = sink.entries.filter((e) => e.payload.member === 'closed.unmerged@example.com').map((e) => e.action);
      return a.includes('access.pr-closed') ? a : undefined;
    }, 'the audit entries in the sink');
    // Each job delivers its own entries, so they reach the sink in any order (each carries its time).
    expect([...actions].sort()).toEqual(['access.approved', 'access.pr-closed', 'access.pr-opened', 'access.requested']);
    expect(sink.entries.some((e) => e.action === 'access.denied')).toBe(true);
  });
});
