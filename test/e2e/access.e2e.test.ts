import { testConfig } from '../helpers/test-config.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfraConfig } from '../../src/platform/config/schema.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { ACCESS_IDS } from '../../src/access/ids.ts';
import { startAccessHarness, type AccessHarness } from '../access/helpers/access-harness.ts';
import { readK8sIo } from '../access/helpers/fixtures.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { lineDiff, parsePatch, reverseApply } from '../access/helpers/unified-diff.ts';
import { signGithubWebhook, type FakeGithub } from '../integrations/github/fake-github.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const GROUP = 'k8s-infra-gcp-auditors@kubernetes.io';
// The real commit 523847a9b: "audit: Add Benjamin Coles as GCP auditor".
const PATCH = parsePatch(readK8sIo('sample-prs/access-request-523847a9b.patch'))[0]!;
const AFTER = readK8sIo(FILE);
const BEFORE = reverseApply(AFTER, PATCH);

const JIM = 'U0JIMANGE'; // requester, not an approver of groups/sig-k8s-infra
const AMEUKAM = 'U0AMEUKAM'; // approvers (sig-k8s-infra-leads, groups/OWNERS)
const DIMS = 'U0DIMS001';
const BEN = 'U0BENTHEE'; // not an approver

describe('access requests end to end (Slack emulator + local GitHub, the access capability alone)', () => {
  let e2e: AccessHarness;
  const clock = new ManualClock('2022-01-19T12:00:00Z');
  let github: FakeGithub;

  beforeAll(async () => {
    const base = testConfig();
    // The auditors group stands in for an -admins@ group: two distinct approvers.
    const config: InfraConfig = { ...base, access: { ...base.access, twoApproverPattern: '-gcp-auditors@' } };
    e2e = await startAccessHarness({ clock, config, repos: { [REPO]: { ...k8sIoGroupsFiles(), [FILE]: BEFORE } } });
    github = e2e.github;
    // A running bot has its catalog loaded (the first /k8s-infra access warms it).
    await e2e.integrations.catalog.get();
  });
  afterAll(async () => {
    await e2e?.stop();
  });

  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!;

  async function request(values: { group: string; email: string; justification: string; until?: string }) {
    const c = await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
    expect(c.ok).toBe(true);
    const view = await eventually(() => e2e.slack.topView(JIM), 'the access modal');
    const options = await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACCESS_IDS.actions.groupSelect, value: values.group.split('@')[0]! });
    expect(options.options.length).toBeGreaterThan(0);
    return {
      view,
      options,
      submit: () =>
        e2e.slack.submitView({
          userId: JIM,
          viewId: view.id,
          values: {
            group: { [ACCESS_IDS.actions.groupSelect]: values.group },
            email: { [ACCESS_IDS.actions.email]: values.email },
            justification: { [ACCESS_IDS.actions.justification]: values.justification },
            duration: { [ACCESS_IDS.actions.duration]: values.until ? 'temporary' : 'permanent' },
            ...(values.until ? { until: { [ACCESS_IDS.actions.until]: values.until } } : {}),
          },
        }),
    };
  }

  function approvalMessage(email: string) {
    return e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email));
  }

  async function click(userId: string, ts: string, actionId: string) {
    const before = e2e.slack.ephemerals(userId).length;
    const r = await e2e.slack.clickButton({ userId, source: { messageTs: ts, channelId: channel().id }, actionId });
    expect(r.ok).toBe(true);
    return eventually(() => e2e.slack.ephemerals(userId).slice(before).at(-1)?.text, `an answer to ${userId}`);
  }

  async function unsignedWebhook(body: string, headers: Record<string, string>) {
    return fetch(`${e2e.bot.url}/webhooks/github`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  }

  it('request → two approvals → PR equal to the real commit → merge webhook → requester told', async () => {
    const r = await request({ group: GROUP, email: 'sj7trunks@pendulus.net', justification: 'Benjamin will provide orientation and guidance about cost optimisation for the current infrastructure.' });
    // The e-mail field defaults to the person's Slack e-mail (users.info).
    expect(JSON.stringify(r.view.blocks)).toContain('jimangel@example.org');
    expect(r.options.options.map((o) => (o as { value: string }).value)).toContain(GROUP);
    for (const o of r.options.options) expect(((o as { text: { text: string } }).text.text).length).toBeLessThanOrEqual(75);
    const submitted = await r.submit();
    expect(submitted.ok).toBe(true);
    expect(submitted.errors).toBeUndefined();

    const message = await eventually(() => approvalMessage('sj7trunks@pendulus.net'), 'the approval message');
    expect(JSON.stringify(message.blocks)).toContain(ACCESS_IDS.actions.approve);
    // Approvers get a DM; the requester is told it was posted.
    await eventually(() => e2e.slack.dms(DIMS).some((m) => m.text?.includes('sj7trunks@pendulus.net')), 'the approver DM');
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('Request posted')), 'the requester DM');

    expect(await click(BEN, message.ts, ACCESS_IDS.actions.approve)).toContain('Only approvers');
    expect(await click(JIM, message.ts, ACCESS_IDS.actions.approve)).toContain('your own request');
    expect(await click(AMEUKAM, message.ts, ACCESS_IDS.actions.approve)).toContain('one more approver');
    expect(await click(AMEUKAM, message.ts, ACCESS_IDS.actions.approve)).toContain('already approved');
    expect(github.pullRequests(REPO)).toHaveLength(0);
    expect(await click(DIMS, message.ts, ACCESS_IDS.actions.approve)).toContain('Approved');

    const pr = await eventually(() => github.pullRequests(REPO)[0], 'the pull request');
    expect(github.fileAt(REPO, pr.headRef, FILE)).toBe(AFTER);
    expect(lineDiff(BEFORE, github.fileAt(REPO, pr.headRef, FILE)!)).toEqual({ added: ['      - sj7trunks@pendulus.net'], removed: [] });
    expect(pr.title).toBe('groups: add sj7trunks@pendulus.net to k8s-infra-gcp-auditors');
    expect(pr.body).toContain('Jim Angel (@jimangel)');
    expect(pr.body).toContain('> Benjamin will provide orientation');
    expect(pr.body).toContain('**Approved in Slack by:** @ameukam, @dims');
    expect(pr.body).toMatch(/\*\*Slack thread:\*\* http\S+/);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes(pr.title) || m.text?.includes('/pull/1')), 'the PR DM');

    const unsigned = JSON.stringify(github.pullRequestEvent(REPO, pr.number));
    expect((await unsignedWebhook(unsigned, { 'x-github-event': 'pull_request', 'x-hub-signature-256': signGithubWebhook('wrong', unsigned) })).status).toBe(401);

    await e2e.botRecordedPr(pr.number);

    github.mergePullRequest(REPO, pr.number);
    const res = await e2e.githubWebhook('pull_request', github.pullRequestEvent(REPO, pr.number));
    expect(res.status).toBe(200);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.startsWith('Merged')), 'the merged DM');
    await eventually(() => JSON.stringify(approvalMessage('sj7trunks@pendulus.net')?.blocks).includes('Granted'), 'the message showing Granted');
    const audit = await e2e.audit.list({});
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['access.requested', 'access.approval-recorded', 'access.approved', 'access.pr-opened', 'access.fulfilled']));
    const metrics = await (await fetch(`${e2e.bot.url}/metrics`)).text();
    expect(metrics).toContain(`k8s_infra_bot_access_requests_total{group="${GROUP}"} 1`);
    expect(metrics).toContain(`k8s_infra_bot_access_decisions_total{group="${GROUP}",decision="approved"} 1`);
    expect(metrics).toContain(`k8s_infra_bot_access_time_to_merge_seconds_count{group="${GROUP}"} 1`);
  });

  it('temporary access: the revert is prepared the day it is granted, reminders before, the removal PR opened at expiry for the approvers', async () => {
    const r = await request({ group: GROUP, email: 'temp.auditor@example.com', justification: 'Cost review for the Q1 budget, two weeks only.', until: '2022-02-01' });
    expect((await r.submit()).errors).toBeUndefined();
    const message = await eventually(() => approvalMessage('temp.auditor@example.com'), 'the approval message');
    await click(AMEUKAM, message.ts, ACCESS_IDS.actions.approve);
    await click(DIMS, message.ts, ACCESS_IDS.actions.approve);
    const pr = await eventually(() => github.pullRequests(REPO).find((p) => p.title.includes('temp.auditor@example.com')), 'the PR');
    expect(pr.title).toBe('groups: add temp.auditor@example.com to k8s-infra-gcp-auditors until 2022-02-01');
    expect(pr.body).toContain('**Temporary access:** until 2022-02-01');
    await e2e.botRecordedPr(pr.number);
    github.mergePullRequest(REPO, pr.number);
    expect((await e2e.githubWebhook('pull_request', github.pullRequestEvent(REPO, pr.number))).status).toBe(200);
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('Access ends after 2022-02-01')), 'the merged DM');
    const merged = github.fileAt(REPO, 'main', FILE)!;
    // Prepared the day access is granted: the branch with the one-line removal, no pull request yet.
    const removalBranch = `${pr.headRef}-removal`;
    await eventually(() => github.branches(REPO).includes(removalBranch), 'the prepared removal branch');
    expect(lineDiff(merged, github.fileAt(REPO, removalBranch, FILE)!)).toEqual({ added: [], removed: ['      - temp.auditor@example.com'] });
    expect(github.pullRequests(REPO).filter((p) => p.headRef === removalBranch)).toEqual([]);
    // Someone else's change lands on main meanwhile: the prepared branch is rebuilt on it at expiry.
    const moved = merged.replace('      - sj7trunks@pendulus.net\n', '      - sj7trunks@pendulus.net\n      - later.joiner@example.com\n');
    expect(moved).not.toBe(merged);
    github.pushFile(REPO, 'main', FILE, moved);

    clock.set(new Date('2022-01-30T00:00:00Z'));
    await e2e.bot.jobRunner.runDue();
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.startsWith('Temporary access ends in 7 days: temp.auditor@example.com')), 'the reminder a week before');

    clock.set(new Date('2022-02-02T00:00:01Z'));
    await e2e.bot.jobRunner.runDue();
    const removal = await eventually(() => github.pullRequests(REPO).find((p) => p.title.startsWith('groups: remove temp.auditor@example.com')), 'the removal PR', 8000);
    expect(removal.headRef).toBe(removalBranch);
    expect(lineDiff(moved, github.fileAt(REPO, removal.headRef, FILE)!)).toEqual({ added: [], removed: ['      - temp.auditor@example.com'] });
    expect(removal.requestedReviewers).toEqual(['ameukam', 'dims']);
    expect(removal.body).toContain(`in #${pr.number}`);
    await eventually(() => JSON.stringify(approvalMessage('temp.auditor@example.com')?.blocks).includes('removal pull request open'), 'the message showing the removal PR');
  });

  it('/k8s-infra access review <group>: the approvers see each member with when and why; others are refused', async () => {
    await e2e.slack.sendSlashCommand({ userId: BEN, channelId: channel().id, text: 'access review k8s-infra-gcp-auditors' });
    await eventually(() => e2e.slack.ephemerals(BEN).some((m) => m.text === 'Only approvers of groups/sig-k8s-infra/groups.yaml can review k8s-infra-gcp-auditors@kubernetes.io.'), 'the refusal');
    expect((await e2e.audit.list({ action: 'access.refused' })).some((a) => a.actor === BEN && a.payload.attempted === 'review')).toBe(true);
    await e2e.slack.sendSlashCommand({ userId: AMEUKAM, channelId: channel().id, text: 'access review k8s-infra-gcp-auditors' });
    const reply = await eventually(() => e2e.slack.ephemerals(AMEUKAM).find((m) => m.text?.startsWith('Access review of k8s-infra-gcp-auditors@kubernetes.io')), 'the review');
    const shown = JSON.stringify(reply.blocks);
    expect(shown).toContain('sj7trunks@pendulus.net — 2022-01-19 for @jimangel');
    expect(shown).toContain('Benjamin will provide orientation');
    expect(shown).toMatch(/thockin@google.com — added by hand/);
    expect(shown).toContain('https://github.com/kubernetes/k8s.io/blame/main/groups/sig-k8s-infra/groups.yaml');
  });
});
