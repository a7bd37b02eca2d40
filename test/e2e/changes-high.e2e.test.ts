import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes } from '../../src/changes/capability.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../src/changes/ids.ts';
import { ChangeRepository } from '../../src/changes/store/change-repository.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { AuditLog } from '../../src/platform/store/audit-log.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import type { SlackMessage } from '../../src/sandbox/slack-workspace.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { startLocalSmtpServer, type LocalSmtpServer } from '../integrations/smtp/local-smtp-server.ts';
import { changesTestConfig, seedSigs, settle } from '../changes/helpers/e2e-setup.ts';
import { k8sIoGroupsRepo, withNewRbacMember, withNewRestriction } from '../changes/helpers/k8s-io-repo.ts';

const A = CHANGES_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const XMUDRII = 'U0XMUDRII'; // the author (Europe/Belgrade)
const NIKHITA = 'U0NIKHITA'; // SIG Contributor Experience
const ARNAUD = 'U0AMEUKAM'; // SIG K8s Infra
const BEN = 'U0BENTHEE'; // SIG Testing
const JIM = 'U0JIMANGE'; // in the group, but no reviewer of these SIGs
const WAIT = { timeoutMs: 8000 };

describe('a high-risk change end to end: Slack emulator, local GitHub, local SMTP relay', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let smtp: LocalSmtpServer;
  let clock: ManualClock;
  let store: Store;

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    clock = new ManualClock('2026-04-01T16:00:00Z');
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    const config = changesTestConfig();
    e2e = await startHarness({ clock, store, config, capabilities: [changes], github: { repos: { [REPO]: k8sIoGroupsRepo() } }, env: { SMTP_URL: smtp.url }, manualJobs: true });
    github = e2e.github!;
    seedSigs(e2e.slack, config);
  });
  afterAll(async () => {
    await e2e.stop();
    await smtp.close();
  });

  const wg = () => e2e.slack.channelByName('wg-k8s-infra')!;
  const main = () => e2e.slack.messages('wg-k8s-infra').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes('High-risk change'));
  const thread = () => e2e.slack.thread('wg-k8s-infra', main()!.ts).slice(1);
  const threadSays = (text: string) => thread().some((m) => JSON.stringify(m.blocks ?? m.text).includes(text));
  const click = (userId: string, m: SlackMessage, actionId: string) => e2e.slack.clickButton({ userId, source: { messageTs: m.ts, channelId: m.channel }, actionId });
  const told = (userId: string, text: string) => e2e.slack.ephemerals(userId).some((m) => m.text.includes(text));

  it('classifies from the PR, gets its reviews, reaches lazy consensus across two timezones and a holiday, cancels its hold, opens the window and is marked done', async () => {
    const pr = github.openPullRequestWith(REPO, {
      branch: 'rbac-newapp',
      author: 'xmudrii',
      title: 'Add k8s-infra-rbac-newapp to gke-security-groups',
      files: { 'groups/sig-k8s-infra/groups.yaml': withNewRbacMember(), 'groups/restrictions.yaml': withNewRestriction() },
    });

    // The form opens at once and, once the PR's files are read, suggests high with its reviewers.
    const command = await e2e.slack.sendSlashCommand({ userId: XMUDRII, channelId: wg().id, text: `change https://github.com/${REPO}/pull/${pr.number}` });
    expect(command.ok).toBe(true);
    expect(command.ackMs).toBeLessThan(3000);
    const form = await e2e.slack.waitFor(() => {
      const v = e2e.slack.topView(XMUDRII);
      return v && JSON.stringify(v.blocks).includes('suggested tier *High*') && v;
    }, WAIT);
    const preview = JSON.stringify(form.blocks);
    expect(preview).toContain('Group restrictions');
    expect(preview).toContain('gke-security-groups membership');
    // groups/OWNERS (for restrictions.yaml) first, then groups/sig-k8s-infra/OWNERS (sig-k8s-infra-leads, expanded).
    expect(preview).toContain('Reviewers from OWNERS: ameukam, cblecker, dims, thockin, spiffxp, nikhita.');
    // The tier cannot be lowered below the PR's: high is the only choice.
    const tierBlock = form.blocks.find((b) => b.block_id === 'changes.tier.high');
    expect(JSON.stringify(tierBlock)).not.toContain('"value":"low"');

    const submitted = await e2e.slack.submitView({
      userId: XMUDRII,
      viewId: form.id,
      values: {
        [B.title]: { [A.title]: 'Add k8s-infra-rbac-newapp to gke-security-groups' },
        [B.description]: { [A.description]: 'Grants the newapp namespace on aaa to its RBAC group.' },
        [B.services]: { [A.services]: ['gke'] },
        [B.rollback]: { [A.rollback]: 'Revert the PR; the reconciler removes the membership within the hour.' },
        [B.windowDate]: { [A.windowDate]: '2026-04-14' },
        [B.windowTime]: { [A.windowTime]: '10:00' },
        [B.workflows]: { [A.workflows]: 'no' },
        [B.rollbackEase]: { [A.rollbackEase]: 'easy' },
        [B.reach]: { [A.reach]: 'few' },
      },
    });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.ok).toBe(true);
    expect(submitted.ackMs).toBeLessThan(3000);
    await settle(e2e.drain, clock);
    expect(told(XMUDRII, 'is announced in #wg-k8s-infra; its reviewers are being asked')).toBe(true);

    // Announced in #wg-k8s-infra, shared with SIG Testing (owning) and SIG Contributor Experience (consulted).
    const message = main()!;
    expect(message.text).toContain('High-risk change: Add k8s-infra-rbac-newapp to gke-security-groups');
    for (const channel of ['sig-testing', 'sig-contribex']) expect(e2e.slack.messages(channel).some((m) => m.text.includes('A high-risk change affects this SIG'))).toBe(true);
    // Reviewers asked by DM: each SIG's, and the OWNERS approvers known to the config.
    for (const user of [NIKHITA, 'U0MRBOBBY', ARNAUD, BEN, 'U0SPIFFXP', 'U0DIMS001']) expect(e2e.slack.dms(user).some((m) => m.text.startsWith('Review requested'))).toBe(true);
    expect(e2e.slack.dms(XMUDRII).some((m) => m.text.startsWith('Review requested'))).toBe(false);

    // The lazy-consensus issue: the record, with the deadline counted in both owners' zones.
    const issue = github.issues(REPO)[0]!;
    expect(issue.title).toBe('[LAZY CONSENSUS] Add k8s-infra-rbac-newapp to gke-security-groups (high risk)');
    expect(issue.labels).toEqual(['sig/k8s-infra', 'lazy-consensus']);
    // Auckland (UTC+13, then +12 after 5 Apr): Fri 3 and Mon 6 are Easter, so its 5th working day is Mon 13 Apr.
    // Los Angeles finishes Fri 10 Apr; the later one wins: Mon 13 Apr 24:00 in Auckland = 12:00 UTC.
    expect(issue.body).toContain('**If there are no objections by Mon 13 Apr 2026 12:00 UTC, lazy consensus is reached.**');
    expect(issue.body).toContain('(2 timezones)');
    expect(issue.body).toContain('Without the quiet period the deadline would have been Thu 9 Apr 2026 12:00 UTC; it moved to Mon 13 Apr 2026 12:00 UTC');
    expect(issue.body).toContain('Easter 2026 (3 Apr 2026 to 6 Apr 2026) is a quiet period');
    expect(issue.body).toContain('> Revert the PR; the reconciler removes the membership within the hour.');
    expect(issue.body).toContain('- [ ] SIG Contributor Experience');
    expect(issue.body).toContain('cc @ameukam @cblecker @dims @thockin @spiffxp @nikhita');
    expect(threadSays('Lazy-consensus issue opened')).toBe(true);

    // The bot's /hold on the PR, and the notice through the relay.
    const pull = github.pullRequests(REPO).find((p) => p.number === pr.number)!;
    expect(pull.comments[0]!.split('\n')[0]).toBe('/hold');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['dev@kubernetes.io']);
    expect(mail.from).toBe('k8s-infra-bot@kubernetes.io');
    expect(mail.subject).toBe('[LAZY CONSENSUS] Add k8s-infra-rbac-newapp to gke-security-groups (high risk)');
    expect(mail.text).toContain(`Tracking issue: https://github.com/${REPO}/issues/${issue.number}`);
    expect(mail.text).toContain('no objections by Mon 13 Apr 2026 12:00 UTC');
    expect(mail.messageId).toMatch(/^<chg-[0-9a-f]{8}\.notice@k8s-infra-bot>$/);
    expect(issue.comments.some((c) => c.startsWith('The kubernetes-dev@ notice was sent to dev@kubernetes.io'))).toBe(true);

    // No self-review; a group member who reviews for none of these SIGs does not count.
    await click(XMUDRII, main()!, A.approve);
    await e2e.slack.waitFor(() => told(XMUDRII, 'cannot review your own change'), WAIT);
    await click(JIM, main()!, A.approve);
    await e2e.slack.waitFor(() => told(JIM, 'does not count'), WAIT);
    // The right people: one click each, a second click is "already".
    await click(NIKHITA, main()!, A.approve);
    await e2e.slack.waitFor(() => told(NIKHITA, 'approval is recorded'), WAIT);
    await click(NIKHITA, main()!, A.approve);
    await e2e.slack.waitFor(() => told(NIKHITA, 'already approved'), WAIT);
    await click(ARNAUD, main()!, A.approve);
    const benDm = e2e.slack.dms(BEN).find((m) => m.text.startsWith('Review requested'))!;
    await click(BEN, benDm, A.approve);
    await e2e.slack.waitFor(() => told(BEN, 'approval is recorded'), WAIT);
    await settle(e2e.drain, clock);
    expect(threadSays('approved (for SIG Contributor Experience)')).toBe(true);

    // The author records the kubernetes-dev@ thread; the issue records it.
    const notice = thread().find((m) => m.text.startsWith('kubernetes-dev@ notice'))!;
    await click(XMUDRII, notice, A.recordNotice);
    const linkForm = await e2e.slack.waitFor(() => e2e.slack.topView(XMUDRII)?.callback_id === CHANGES_IDS.callbacks.notice && e2e.slack.topView(XMUDRII), WAIT);
    const thread_ = 'https://groups.google.com/a/kubernetes.io/g/dev/c/AbCdEf123';
    expect((await e2e.slack.submitView({ userId: XMUDRII, viewId: linkForm.id, values: { [B.noticeUrl]: { [A.noticeUrl]: thread_ } } })).ok).toBe(true);
    await settle(e2e.drain, clock);
    expect(github.issue(REPO, issue.number)!.comments.some((c) => c.startsWith(`kubernetes-dev@ thread: ${thread_}`))).toBe(true);

    // A day before: the reminder, in the thread and to the author.
    clock.set('2026-04-12T12:00:00Z');
    await settle(e2e.drain, clock);
    expect(threadSays('Lazy consensus closes')).toBe(true);
    expect(e2e.slack.dms(XMUDRII).some((m) => m.text.includes('Lazy consensus closes'))).toBe(true);

    // Not before the deadline…
    clock.set('2026-04-13T11:59:00Z');
    await settle(e2e.drain, clock);
    expect(threadSays('Lazy consensus reached')).toBe(false);
    // …at it: reached with no objection, said on the issue and the PR, and the bot's hold cancelled.
    clock.set('2026-04-13T12:00:00Z');
    await settle(e2e.drain, clock);
    expect(threadSays('Lazy consensus reached')).toBe(true);
    expect(threadSays('*Cleared*')).toBe(true);
    expect(github.issue(REPO, issue.number)!.comments.some((c) => c.startsWith('Lazy consensus reached: no objection by the deadline (Mon 13 Apr 2026 12:00 UTC).'))).toBe(true);
    const prComments = github.pullRequests(REPO).find((p) => p.number === pr.number)!.comments;
    expect(prComments).toHaveLength(2);
    expect(prComments[1]!.split('\n')).toContain('/hold cancel');
    expect(prComments[1]).toContain('Lazy consensus reached');

    // The window: announced in #wg-k8s-infra and the SIGs' channels.
    clock.set('2026-04-14T08:00:00Z');
    await settle(e2e.drain, clock);
    const window = await e2e.slack.waitFor(() => e2e.slack.messages('wg-k8s-infra').find((m) => m.text.startsWith('Change window open')), WAIT);
    expect(window.text).not.toContain('warning');
    for (const channel of ['sig-testing', 'sig-contribex']) expect(e2e.slack.messages(channel).some((m) => m.text.startsWith('Change window open'))).toBe(true);

    // Only the author (or a lead) marks it done.
    await click(BEN, window, A.done);
    await e2e.slack.waitFor(() => told(BEN, 'Only the author'), WAIT);
    await click(XMUDRII, window, A.done);
    await e2e.slack.waitFor(() => told(XMUDRII, 'Marked done'), WAIT);
    await settle(e2e.drain, clock);
    const closed = github.issue(REPO, issue.number)!;
    expect(closed.state).toBe('closed');
    expect(closed.stateReason).toBe('completed');

    const [stored] = await new ChangeRepository(store.db).decisions('', 10);
    expect(stored).toMatchObject({ state: 'done', tier: 'high', hold: { placed: true, cancelled: true, heldByOthers: false } });
    expect(stored!.lazy).toMatchObject({ outcome: 'reached', deadline: new Date('2026-04-13T12:00:00Z'), noticeUrl: thread_ });
    const actions = (await new AuditLog(store.db).list({ subject: `change:${stored!.id}` })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['change.announced', 'change.pr_read', 'change.issue_opened', 'change.hold_placed', 'change.notice_sent', 'change.refused', 'change.approved', 'change.notice_linked', 'change.consensus_reached', 'change.cleared', 'change.hold_cancelled', 'change.window_opened', 'change.done']),
    );

    // The decisions log links the issue, the PR and the mailing-list thread.
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: wg().id, text: 'decisions gke-security-groups' });
    const log = await e2e.slack.waitFor(() => e2e.slack.ephemerals(JIM).find((m) => m.text.includes('decision')), WAIT);
    const shown = JSON.stringify(log.blocks);
    expect(shown).toContain(`issue #${issue.number}`);
    expect(shown).toContain(`PR #${pr.number}`);
    expect(shown).toContain(thread_);
  });
});
