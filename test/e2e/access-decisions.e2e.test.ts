import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryAuditSink } from '../../src/access/ports/audit-sink.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { ACTION_IDS } from '../../src/platform/ids.ts';
import { readK8sIo } from '../access/helpers/fixtures.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { parsePatch, reverseApply } from '../access/helpers/unified-diff.ts';
import { startE2E, type E2E } from '../helpers/start-e2e.ts';
import { FakeGithub, signGithubWebhook } from '../integrations/github/fake-github.ts';
import { accessModule } from '../../src/access/capability.ts';
import { accessIntegrationsOf } from '../helpers/capability-internals.ts';
import { replaceCapability } from '../helpers/start-test-bot.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const SECRET = 'decisions-secret';
const GROUP = 'k8s-infra-gcp-auditors@kubernetes.io';
const JIM = 'U0JIMANGE';
const AMEUKAM = 'U0AMEUKAM';
const DIMS = 'U0DIMS001';

describe('access: deny with a reason, list, PR closed unmerged, audit to the sink', () => {
  let e2e: E2E;
  let github: FakeGithub;
  const sink = new InMemoryAuditSink();

  beforeAll(async () => {
    github = await FakeGithub.start({ token: 't' });
    github.addRepo(REPO, { ...k8sIoGroupsFiles(), [FILE]: reverseApply(readK8sIo(FILE), parsePatch(readK8sIo('sample-prs/access-request-523847a9b.patch'))[0]!) });
    // The sink stands in for Cloud Logging (config.access.cloudLogging): the same AuditSink interface.
    const withSink = accessModule({ integrations: (built) => ({ catalog: built.catalog, codeHost: () => built.codeHost(), auditSink: () => sink, mode: built.mode }) });
    e2e = await startE2E({ clock: new ManualClock('2022-01-19T12:00:00Z'), env: { GITHUB_API_URL: github.url, GITHUB_TOKEN: 't', GITHUB_WEBHOOK_SECRET: SECRET }, capabilities: replaceCapability(withSink) });
    await accessIntegrationsOf(e2e.bot).catalog.get();
  });
  afterAll(async () => {
    await e2e?.stop();
    await github?.close();
  });

  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!;
  async function requestAndWait(email: string) {
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
    const view = await eventually(() => e2e.slack.topView(JIM), 'the modal');
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACTION_IDS.access.groupSelect, value: 'auditors' });
    const r = await e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACTION_IDS.access.groupSelect]: GROUP },
        email: { [ACTION_IDS.access.email]: email },
        justification: { [ACTION_IDS.access.justification]: 'Needed for the quarterly cost review.' },
        duration: { [ACTION_IDS.access.duration]: 'permanent' },
      },
    });
    expect(r.errors).toBeUndefined();
    return eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email)), 'the approval message');
  }

  it('Deny asks for a reason in a modal; the requester is told why; the buttons go', async () => {
    const message = await requestAndWait('denied.person@example.com');
    await e2e.slack.clickButton({ userId: DIMS, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACTION_IDS.access.deny });
    const modal = await eventually(() => e2e.slack.topView(DIMS), 'the reason modal');
    const empty = await e2e.slack.submitView({ userId: DIMS, viewId: modal.id, values: { reason: { [ACTION_IDS.access.denyReason]: '   ' } } });
    expect(empty.errors?.reason).toBeTruthy();
    const done = await e2e.slack.submitView({ userId: DIMS, viewId: modal.id, values: { reason: { [ACTION_IDS.access.denyReason]: 'Use k8s-infra-gcp-viewers instead.' } } });
    expect(done.errors).toBeUndefined();
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('was denied by @dims: Use k8s-infra-gcp-viewers instead.')), 'the denial DM');
    await eventually(() => {
      const m = e2e.slack.messages('wg-k8s-infra').find((x) => x.ts === message.ts);
      return m && !JSON.stringify(m.blocks).includes(ACTION_IDS.access.approve) && JSON.stringify(m.blocks).includes('Denied');
    }, 'the updated message');
    // Too late to approve.
    const before = e2e.slack.ephemerals(AMEUKAM).length;
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACTION_IDS.access.approve }).catch(() => undefined);
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
    await e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACTION_IDS.access.approve });
    const pr = await eventually(() => github.pullRequests(REPO).find((p) => p.title.includes('closed.unmerged')), 'the PR');
    github.closePullRequest(REPO, pr.number);
    const body = JSON.stringify(github.pullRequestEvent(REPO, pr.number));
    const res = await fetch(`${e2e.bot.url}/webhooks/github`, { method: 'POST', body, headers: { 'x-github-event': 'pull_request', 'x-hub-signature-256': signGithubWebhook(SECRET, body), 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('was closed without merging')), 'the closed DM');
    const actions = await eventually(() => {
      const a = sink.entries.filter((e) => e.payload.member === 'closed.unmerged@example.com').map((e) => e.action);
      return a.includes('access.pr-closed') ? a : undefined;
    }, 'the audit entries in the sink');
    expect(actions).toEqual(['access.requested', 'access.approved', 'access.pr-opened', 'access.pr-closed']);
    expect(sink.entries.some((e) => e.action === 'access.denied')).toBe(true);
  });
});
