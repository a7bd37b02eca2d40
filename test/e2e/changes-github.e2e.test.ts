import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes } from '../../src/changes/capability.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../src/changes/ids.ts';
import { ChangeRepository } from '../../src/changes/store/change-repository.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { changesTestConfig, seedSigs, settle } from '../changes/helpers/e2e-setup.ts';
import { k8sIoGroupsRepo, withNewStagingGroup } from '../changes/helpers/k8s-io-repo.ts';

const A = CHANGES_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const JIM = 'U0JIMANGE'; // the author
const NIKHITA = 'U0NIKHITA';
const WAIT = { timeoutMs: 8000 };

describe('a change follows its issue and PR on GitHub: objections, holds, merge, closing', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let store: Store;

  beforeAll(async () => {
    clock = new ManualClock('2026-09-01T13:00:00Z'); // a Tuesday
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    const config = changesTestConfig();
    e2e = await startHarness({ clock, store, config, capabilities: [changes], github: { repos: { [REPO]: k8sIoGroupsRepo() } }, manualJobs: true });
    github = e2e.github!;
    seedSigs(e2e.slack, config);
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const repo = () => new ChangeRepository(store.db);
  const hook = async (event: string, payload: Record<string, unknown>) => {
    const r = await e2e.githubWebhook(event, payload);
    expect(r.status).toBeLessThan(300);
    return (await r.json()) as { outcomes?: string[]; ignored?: boolean };
  };

  it('takes /object and /object cancel from GitHub, leaves a /hold it did not place, and follows the merge and the issue closing', async () => {
    const pr = github.openPullRequestWith(REPO, { branch: 'staging-release-notes', author: 'jimangel', title: 'Add the k8s-staging-release-notes project', files: { 'groups/sig-release/groups.yaml': withNewStagingGroup() } });
    // Answers that say low; the PR's new staging group makes it medium.
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: e2e.slack.channelByName('wg-k8s-infra')!.id, text: `change https://github.com/${REPO}/pull/${pr.number}` });
    const form = await e2e.slack.waitFor(() => {
      const v = e2e.slack.topView(JIM);
      return v && JSON.stringify(v.blocks).includes('suggested tier *Medium*') && v;
    }, WAIT);
    expect(JSON.stringify(form.blocks)).toContain('New staging project');
    const submitted = await e2e.slack.submitView({
      userId: JIM,
      viewId: form.id,
      values: {
        [B.title]: { [A.title]: 'Create the k8s-staging-release-notes project' },
        [B.description]: { [A.description]: 'A staging project for the release-notes tool.' },
        [B.sigs]: { [A.sigs]: ['sig-release'] },
        [B.rollback]: { [A.rollback]: 'Delete the project and the group.' },
        [B.windowDate]: { [A.windowDate]: '2026-09-10' },
        [B.windowTime]: { [A.windowTime]: '10:00' },
        [B.workflows]: { [A.workflows]: 'no' },
        [B.rollbackEase]: { [A.rollbackEase]: 'easy' },
        [B.reach]: { [A.reach]: 'few' },
      },
    });
    expect(submitted.ok).toBe(true);
    await settle(e2e.drain, clock);
    const [change] = await repo().listOpen();
    expect(change).toMatchObject({ tier: 'medium', hold: { placed: true } });
    const issueNumber = change!.lazy!.issue!.number;
    const thread = () => e2e.slack.thread('wg-k8s-infra', change!.message!.ts);
    const threadSays = (text: string) => thread().some((m) => m.text.includes(text));

    // The bot's own comments come back as webhooks: ignored.
    const own = github.pullRequests(REPO).find((p) => p.number === pr.number)!.comments[0]!;
    expect((await hook('issue_comment', { action: 'created', issue: { number: pr.number, pull_request: {} }, comment: { id: 1, body: own, user: { login: 'k8s-infra-bot' } }, repository: { full_name: REPO }, sender: { login: 'k8s-infra-bot' } })).ignored).toBe(true);

    // A maintainer holds the PR too: the bot will not cancel that hold.
    expect((await hook('issue_comment', github.commentEvent(REPO, pr.number, '/hold\nwaiting for the release freeze', 'puerco'))).outcomes).toEqual([`changes: ${change!.id}:hold`]);
    await settle(e2e.drain, clock);
    expect(threadSays('@puerco put a `/hold` on the pull request: the bot will not cancel it.')).toBe(true);

    // An objection on the issue counts; delivered twice, it counts once; `/object cancel` withdraws it.
    const objection = github.commentEvent(REPO, issueNumber, 'Thanks!\n/object the release-notes tool has no owners yet', 'random-contributor');
    expect((await hook('issue_comment', objection)).outcomes).toEqual([`changes: ${change!.id}:objection`]);
    await hook('issue_comment', objection);
    await settle(e2e.drain, clock);
    expect(thread().filter((m) => m.text.includes('@random-contributor on GitHub objects: the release-notes tool has no owners yet'))).toHaveLength(1);
    expect((await hook('issue_comment', github.commentEvent(REPO, issueNumber, '/object cancel', 'random-contributor'))).outcomes).toEqual([`changes: ${change!.id}:objection-withdrawn`]);
    await settle(e2e.drain, clock);
    expect(threadSays('withdrew their objection')).toBe(true);

    await e2e.slack.clickButton({ userId: NIKHITA, source: { messageTs: change!.message!.ts, channelId: change!.message!.channel }, actionId: A.approve });
    await e2e.slack.waitFor(() => e2e.slack.ephemerals(NIKHITA).some((m) => m.text.includes('approval is recorded')), WAIT);
    // Without a relay, lazy consensus needs the author's kubernetes-dev@ link on record.
    const notice = thread().find((m) => m.text.startsWith('kubernetes-dev@ notice'))!;
    await e2e.slack.clickButton({ userId: JIM, source: { messageTs: notice.ts, channelId: notice.channel }, actionId: A.recordNotice });
    const linkForm = await e2e.slack.waitFor(() => e2e.slack.topView(JIM)?.callback_id === CHANGES_IDS.callbacks.notice && e2e.slack.topView(JIM), WAIT);
    await e2e.slack.submitView({ userId: JIM, viewId: linkForm.id, values: { [B.noticeUrl]: { [A.noticeUrl]: 'https://groups.google.com/a/kubernetes.io/g/dev/c/St4g1ng' } } });

    // The deadline: Tuesday 1 Sep 13:00 UTC + 3 working days for the leads (no service named), the last in Los Angeles.
    const deadline = (await repo().get(change!.id))!.lazy!.deadline!;
    expect(deadline.toISOString()).toBe('2026-09-05T07:00:00.000Z');
    clock.set(deadline);
    await settle(e2e.drain, clock);
    const cleared = (await repo().get(change!.id))!;
    expect(cleared.state).toBe('cleared');
    const prComments = github.pullRequests(REPO).find((p) => p.number === pr.number)!.comments;
    expect(prComments.some((c) => c.startsWith('Lazy consensus reached'))).toBe(true);
    expect(prComments.some((c) => c.split('\n').includes('/hold cancel') && c.includes('k8s-infra-bot:'))).toBe(false);
    expect(threadSays('someone else placed: the bot leaves it for them to cancel')).toBe(true);

    // A late objection on GitHub is told in the thread, and does not stop the change.
    expect((await hook('issue_comment', github.commentEvent(REPO, issueNumber, '/object too late?', 'late-comer'))).outcomes).toEqual([`changes: ${change!.id}:objection-refused`]);
    await settle(e2e.drain, clock);
    expect(threadSays('@late-comer objected on GitHub, but it does not stop the change')).toBe(true);
    expect((await repo().get(change!.id))!.state).toBe('cleared');

    // The PR merges (the change is cleared: no alarm), then the issue is closed by hand: the change is off.
    github.mergePullRequest(REPO, pr.number);
    expect((await hook('pull_request', github.pullRequestEvent(REPO, pr.number, 'closed'))).outcomes).toEqual([`changes: ${change!.id}:pr-merged`]);
    github.issue(REPO, issueNumber)!.state = 'closed';
    expect((await hook('issues', github.issueEvent(REPO, issueNumber, 'closed'))).outcomes).toEqual([`changes: ${change!.id}:withdrawn`]);
    await settle(e2e.drain, clock);
    expect(threadSays('The pull request was merged by @k8s-ci-robot.')).toBe(true);
    expect(threadSays('closed on GitHub by @someone: the change is withdrawn')).toBe(true);
    expect((await repo().get(change!.id))!.state).toBe('withdrawn');
    // Nothing more is heard about a finished change.
    expect((await hook('issues', github.issueEvent(REPO, issueNumber, 'closed'))).ignored).toBe(true);
  });
});
