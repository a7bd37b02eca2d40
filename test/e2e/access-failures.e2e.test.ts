import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS_IDS } from '../../src/access/ids.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { startAccessHarness, type AccessHarness } from '../access/helpers/access-harness.ts';
import { readK8sIo } from '../access/helpers/fixtures.ts';
import { eventually, k8sIoGroupsFiles } from '../access/helpers/k8s-io-files.ts';
import { parsePatch, reverseApply } from '../access/helpers/unified-diff.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';

const REPO = 'kubernetes/k8s.io';
const FILE = 'groups/sig-k8s-infra/groups.yaml';
const GROUP = 'k8s-infra-gcp-auditors@kubernetes.io';
const BEFORE = reverseApply(readK8sIo(FILE), parsePatch(readK8sIo('sample-prs/access-request-523847a9b.patch'))[0]!);
const JIM = 'U0JIMANGE';
const AMEUKAM = 'U0AMEUKAM';
const DIMS = 'U0DIMS001';

describe('access requests: bad input and failures', () => {
  let e2e: AccessHarness;
  let github: FakeGithub;
  const clock = new ManualClock('2022-01-19T12:00:00Z');

  beforeAll(async () => {
    e2e = await startAccessHarness({ clock, repos: { [REPO]: { ...k8sIoGroupsFiles(), [FILE]: BEFORE } } });
    github = e2e.github;
  });
  afterAll(async () => {
    await e2e?.stop();
  });
  beforeEach(async () => {
    github.addRepo(REPO, { ...k8sIoGroupsFiles(), [FILE]: BEFORE });
    github.clearFaults();
    await e2e.integrations.catalog.refresh();
  });

  const channel = () => e2e.slack.channelByName('wg-k8s-infra')!;

  async function submit(values: { group: string; email: string; justification?: string }) {
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
    const view = await eventually(() => e2e.slack.topView(JIM), 'the modal');
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: view.id }, actionId: ACCESS_IDS.actions.groupSelect, value: '' });
    return e2e.slack.submitView({
      userId: JIM,
      viewId: view.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: values.group },
        email: { [ACCESS_IDS.actions.email]: values.email },
        justification: { [ACCESS_IDS.actions.justification]: values.justification ?? 'Needed for the quarterly cost review.' },
        duration: { [ACCESS_IDS.actions.duration]: 'permanent' },
      },
    });
  }

  async function requestAndWait(email: string) {
    const r = await submit({ group: GROUP, email });
    expect(r.errors).toBeUndefined();
    return eventually(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email)), 'the approval message');
  }

  async function click(userId: string, ts: string) {
    const before = e2e.slack.ephemerals(userId).length;
    await e2e.slack.clickButton({ userId, source: { messageTs: ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve });
    return eventually(() => e2e.slack.ephemerals(userId).slice(before).at(-1)?.text, 'an answer');
  }

  const messageText = (email: string) => JSON.stringify(e2e.slack.messages('wg-k8s-infra').find((m) => m.text?.includes(email))?.blocks ?? []);

  it('inline errors: a group defined nowhere, an existing member, not an e-mail, a group the naming rules forbid', async () => {
    // Slack only offers options it suggested; the bot must still check (a stale option, a crafted payload).
    const view = async () => {
      await e2e.slack.sendSlashCommand({ userId: JIM, channelId: channel().id, text: 'access' });
      return eventually(() => e2e.slack.topView(JIM), 'the modal');
    };
    const v = await view();
    const options = await e2e.slack.requestOptions({ userId: JIM, source: { viewId: v.id }, actionId: ACCESS_IDS.actions.groupSelect, value: 'no-such-group-anywhere' });
    expect(options.options).toEqual([]);
    await e2e.slack.requestOptions({ userId: JIM, source: { viewId: v.id }, actionId: ACCESS_IDS.actions.groupSelect, value: '' });
    const existing = await e2e.slack.submitView({
      userId: JIM,
      viewId: v.id,
      values: {
        group: { [ACCESS_IDS.actions.groupSelect]: GROUP },
        email: { [ACCESS_IDS.actions.email]: 'thockin@google.com' },
        justification: { [ACCESS_IDS.actions.justification]: 'x' },
        duration: { [ACCESS_IDS.actions.duration]: 'permanent' },
      },
    });
    expect(existing.responseAction).toBe('errors');
    expect(existing.errors?.email).toContain('already a member');
    expect(existing.errors?.justification).toContain('at least 10');

    const notEmail = await e2e.slack.submitView({ userId: JIM, viewId: v.id, values: { email: { [ACCESS_IDS.actions.email]: 'not-an-address' }, justification: { [ACCESS_IDS.actions.justification]: 'A good enough reason.' } } });
    expect(notEmail.errors?.email).toBe('not-an-address is not an e-mail address.');

    const locked = await e2e.slack.submitView({ userId: JIM, viewId: v.id, values: { group: { [ACCESS_IDS.actions.groupSelect]: 'k8s-infra-gcp-org-admins@kubernetes.io' }, email: { [ACCESS_IDS.actions.email]: 'someone@example.com' } } });
    expect(locked.errors?.group).toContain('pinned by the repository');
    expect(e2e.slack.messages('wg-k8s-infra').some((m) => m.text?.includes('someone@example.com'))).toBe(false);
  });

  it('a groups.yaml that no longer parses: the requester is told, nothing is opened', async () => {
    const message = await requestAndWait('broken.file@example.com');
    github.pushFile(REPO, 'main', FILE, `${BEFORE}\n  - email-id: [unclosed\n`);
    expect(await click(AMEUKAM, message.ts)).toContain('Approved');
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('could not prepare the pull request for broken.file@example.com')), 'the failure DM');
    expect(github.pullRequests(REPO)).toEqual([]);
    expect(github.branches(REPO)).toEqual(['main']);
    await eventually(() => messageText('broken.file@example.com').includes('make the change by hand'), 'the message saying so');
  });

  it('GitHub fails after the branch was made: the request says so, the outbox retries, one PR results', async () => {
    const message = await requestAndWait('flaky.github@example.com');
    github.failNext({ method: 'POST', path: /\/pulls$/, status: 502 });
    expect(await click(AMEUKAM, message.ts)).toContain('Approved');
    await eventually(() => messageText('flaky.github@example.com').includes('GitHub failed'), 'the retry note on the message');
    await eventually(() => e2e.slack.dms(JIM).some((m) => m.text?.includes('It retries automatically')), 'the retry DM');
    expect(github.pullRequests(REPO)).toEqual([]);
    expect(github.branches(REPO)).toHaveLength(2);

    clock.advance(5_000);
    await e2e.bot.jobRunner.runDue();
    const pr = await eventually(() => github.pullRequests(REPO)[0], 'the PR after the retry');
    expect(github.pullRequests(REPO)).toHaveLength(1);
    expect(pr.title).toBe('groups: add flaky.github@example.com to k8s-infra-gcp-auditors');
    await eventually(() => !messageText('flaky.github@example.com').includes('GitHub failed') && messageText('flaky.github@example.com').includes('/pull/1'), 'the note gone, the PR linked');
  });

  it('a double-clicked Approve opens one pull request', async () => {
    const message = await requestAndWait('double.click@example.com');
    const [a, b] = await Promise.all([
      e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve }),
      e2e.slack.clickButton({ userId: AMEUKAM, source: { messageTs: message.ts, channelId: channel().id }, actionId: ACCESS_IDS.actions.approve }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const answers = await eventually(() => {
      const texts = e2e.slack.ephemerals(AMEUKAM).map((m) => m.text ?? '').filter((t) => t.includes('double.click') || t.startsWith('Already approved'));
      return texts.length >= 2 ? texts : undefined;
    }, 'two answers');
    expect(answers.some((t) => t.startsWith('Already approved by @ameukam'))).toBe(true);
    await eventually(() => github.pullRequests(REPO).length === 1, 'the PR');
    await new Promise((r) => setTimeout(r, 200));
    expect(github.pullRequests(REPO)).toHaveLength(1);
    const audit = await e2e.audit.list({ action: 'access.approved' });
    expect(audit.filter((e) => e.payload.member === 'double.click@example.com')).toHaveLength(1);
  });

  it('someone removed from OWNERS (catalog reloaded after a push) can no longer approve', async () => {
    const message = await requestAndWait('owners.changed@example.com');
    github.pushFile(REPO, 'main', 'groups/sig-k8s-infra/OWNERS', 'options:\n  no_parent_owners: true\napprovers:\n- ameukam\n');
    const res = await e2e.githubWebhook('push', { ref: 'refs/heads/main', repository: { full_name: REPO } });
    expect(res.status).toBe(202);
    await eventually(async () => !(await e2e.integrations.catalog.get()).find(GROUP)!.approvers.includes('dims'), 'the reloaded catalog');
    expect(await click(DIMS, message.ts)).toBe('Only approvers of groups/sig-k8s-infra/groups.yaml can decide (@ameukam).');
    expect(messageText('owners.changed@example.com')).toContain('access.approve');
  });
});
