import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes } from '../../src/changes/capability.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../src/changes/ids.ts';
import { ChangeRepository } from '../../src/changes/store/change-repository.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import type { SlackMessage } from '../../src/sandbox/slack-workspace.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { changesTestConfig, seedSigs, settle } from '../changes/helpers/e2e-setup.ts';

const A = CHANGES_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const UPODROID = 'U0UPODROI'; // the author (Europe/London)
const BEN = 'U0BENTHEE';
const JIM = 'U0JIMANGE';
const HH = 'U0HHHHHHH';
const ARNAUD = 'U0AMEUKAM'; // a lead
const WAIT = { timeoutMs: 8000 };

describe('a medium-risk change with an objection waits for the reviewers (no SMTP relay)', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let store: Store;

  beforeAll(async () => {
    // Thursday 17 December 2026: three working days reach into the year-end quiet period.
    clock = new ManualClock('2026-12-17T09:00:00Z');
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    const config = changesTestConfig();
    e2e = await startHarness({ clock, store, config, capabilities: [changes], github: { repos: { [REPO]: {} } }, manualJobs: true });
    github = e2e.github!;
    seedSigs(e2e.slack, config);
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const wg = () => e2e.slack.channelByName('wg-k8s-infra')!;
  const main = () => e2e.slack.messages('wg-k8s-infra').find((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.includes('Medium-risk change'));
  const thread = () => e2e.slack.thread('wg-k8s-infra', main()!.ts).slice(1);
  const threadSays = (text: string) => thread().some((m) => JSON.stringify(m.blocks ?? m.text).includes(text));
  const click = (userId: string, m: SlackMessage, actionId: string) => e2e.slack.clickButton({ userId, source: { messageTs: m.ts, channelId: m.channel }, actionId });
  const told = (userId: string, text: string) => e2e.slack.ephemerals(userId).some((m) => m.text.includes(text));

  it('shows the tier as the questions are answered, refuses bad input inline, opens the issue with the notice to send, and holds at the deadline on an objection', async () => {
    await e2e.slack.sendSlashCommand({ userId: UPODROID, channelId: wg().id, text: 'change' });
    const form = await e2e.slack.waitFor(() => e2e.slack.topView(UPODROID), WAIT);
    expect(JSON.stringify(form.blocks)).toContain('Window starts: time (Europe/London)');

    // Each answer updates the tier shown before submit.
    await e2e.slack.selectOption({ userId: UPODROID, source: { viewId: form.id }, actionId: A.workflows, value: 'may' });
    await e2e.slack.selectOption({ userId: UPODROID, source: { viewId: form.id }, actionId: A.rollbackEase, value: 'should' });
    await e2e.slack.selectOption({ userId: UPODROID, source: { viewId: form.id }, actionId: A.reach, value: 'few' });
    const answered = await e2e.slack.waitFor(() => {
      const v = e2e.slack.view(form.id);
      return v && JSON.stringify(v.blocks).includes('*Tier: Medium*') && v;
    }, WAIT);
    const tierBlock = answered.blocks.find((b) => b.block_id === 'changes.tier.medium');
    expect(JSON.stringify(tierBlock)).toContain('"value":"high"');
    expect(JSON.stringify(tierBlock)).not.toContain('"value":"low"');

    const values = {
      [B.title]: { [A.title]: 'Serve registry.k8s.io blobs from the new Artifact Registry region' },
      [B.description]: { [A.description]: 'Adds europe-west10 to the registry backends.' },
      [B.services]: { [A.services]: ['registry'] },
      [B.windowDate]: { [A.windowDate]: '2026-12-16' },
      [B.windowTime]: { [A.windowTime]: '10:00' },
    };
    // A window in the past, and no rollback plan for a medium change: both refused on their fields.
    let r = await e2e.slack.submitView({ userId: UPODROID, viewId: form.id, values });
    expect(r.errors?.[B.windowDate]).toContain('starts in the past');
    expect(r.errors?.[B.rollback]).toBe('A medium-risk change needs a rollback plan: say how you would undo it.');
    // A window before lazy consensus can be reached.
    r = await e2e.slack.submitView({ userId: UPODROID, viewId: form.id, values: { ...values, [B.windowDate]: { [A.windowDate]: '2026-12-22' }, [B.rollback]: { [A.rollback]: 'Remove the region from the backend list.' } } });
    expect(r.errors?.[B.windowDate]).toContain('cannot be reached before Wed 6 Jan 2027 08:00 UTC');
    r = await e2e.slack.submitView({ userId: UPODROID, viewId: form.id, values: { ...values, [B.windowDate]: { [A.windowDate]: '2027-01-07' }, [B.rollback]: { [A.rollback]: 'Remove the region from the backend list.' } } });
    expect(r.errors).toBeUndefined();
    expect(r.ok).toBe(true);
    await settle(e2e.drain, clock);

    const message = main()!;
    expect(message.text).toContain('Medium-risk change: Serve registry.k8s.io blobs');
    expect(e2e.slack.messages('sig-release').some((m) => m.text.includes('A medium-risk change affects this SIG'))).toBe(true);

    // The issue, and the deadline moved past the year-end quiet period (and said so).
    const issue = github.issues(REPO)[0]!;
    expect(issue.title).toBe('[LAZY CONSENSUS] Serve registry.k8s.io blobs from the new Artifact Registry region (medium risk)');
    expect(issue.body).toContain('Year-end holidays (20 Dec 2026 to 3 Jan 2027) is a quiet period: its days do not count.');
    expect(issue.body).toContain('Without the quiet period the deadline would have been Wed 23 Dec 2026 08:00 UTC; it moved to Wed 6 Jan 2027 08:00 UTC');
    expect(threadSays('Year-end holidays')).toBe(true);

    // No relay: the notice is given to the author to send, with a mailto: link.
    const notice = thread().find((m) => m.text.startsWith('kubernetes-dev@ notice'))!;
    const mailto = JSON.stringify(notice.blocks).match(/"url":"(mailto:[^"]+)"/)?.[1];
    expect(mailto).toMatch(/^mailto:dev@kubernetes\.io\?subject=%5BLAZY%20CONSENSUS%5D%20Serve%20registry\.k8s\.io/);
    expect(decodeURIComponent(mailto!.split('&body=')[1]!)).toContain(`Tracking issue: https://github.com/${REPO}/issues/${issue.number}`);
    expect(JSON.stringify(notice.blocks)).toContain('the bot has no mailing-list account');

    // Someone else cannot record the notice; the author can, and a link outside the archive is refused inline.
    await click(JIM, notice, A.recordNotice);
    await e2e.slack.waitFor(() => told(JIM, 'Only the author of the change or a lead can record'), WAIT);
    await click(UPODROID, notice, A.recordNotice);
    const linkForm = await e2e.slack.waitFor(() => e2e.slack.topView(UPODROID)?.callback_id === CHANGES_IDS.callbacks.notice && e2e.slack.topView(UPODROID), WAIT);
    r = await e2e.slack.submitView({ userId: UPODROID, viewId: linkForm.id, values: { [B.noticeUrl]: { [A.noticeUrl]: 'https://evil.example/thread' } } });
    expect(r.errors?.[B.noticeUrl]).toContain('starts with https://groups.google.com/a/kubernetes.io/g/dev/');
    r = await e2e.slack.submitView({ userId: UPODROID, viewId: linkForm.id, values: { [B.noticeUrl]: { [A.noticeUrl]: 'https://groups.google.com/a/kubernetes.io/g/dev/c/Reg1on' } } });
    expect(r.ok).toBe(true);

    // An approval, then an objection, with a reason (too short is refused inline).
    await click(BEN, main()!, A.approve);
    await e2e.slack.waitFor(() => told(BEN, 'approval is recorded'), WAIT);
    await click(JIM, main()!, A.object);
    const objectForm = await e2e.slack.waitFor(() => e2e.slack.topView(JIM)?.callback_id === CHANGES_IDS.callbacks.object && e2e.slack.topView(JIM), WAIT);
    r = await e2e.slack.submitView({ userId: JIM, viewId: objectForm.id, values: { [B.reason]: { [A.reason]: 'no' } } });
    expect(r.errors?.[B.reason]).toBeDefined();
    r = await e2e.slack.submitView({ userId: JIM, viewId: objectForm.id, values: { [B.reason]: { [A.reason]: 'The new region has no mirror of the signatures yet.' } } });
    expect(r.ok).toBe(true);
    await settle(e2e.drain, clock);
    expect(threadSays('objects: The new region has no mirror of the signatures yet.')).toBe(true);
    expect(github.issue(REPO, issue.number)!.comments.some((c) => c.includes('Objection raised in Slack by @jimangel') && c.includes('> The new region has no mirror'))).toBe(true);

    // At the deadline the objection stands: no consensus, the decision waits for the reviewers.
    clock.set('2027-01-06T08:00:00Z');
    await settle(e2e.drain, clock);
    expect(threadSays('Lazy consensus *not* reached')).toBe(true);
    expect(threadSays('Lazy consensus reached')).toBe(false);
    expect(github.issue(REPO, issue.number)!.comments.some((c) => c.startsWith('Lazy consensus not reached'))).toBe(true);
    let stored = (await new ChangeRepository(store.db).listOpen())[0]!;
    expect(stored).toMatchObject({ state: 'open', lazy: { outcome: 'blocked' } });

    // An objection after the deadline is refused.
    await click(HH, main()!, A.object);
    await e2e.slack.waitFor(() => told(HH, 'The lazy-consensus deadline passed on Wed 6 Jan 2027 08:00 UTC'), WAIT);
    expect(e2e.slack.topView(HH)).toBeUndefined();

    // The reviewers decide; the author cannot.
    const decide = thread().find((m) => JSON.stringify(m.blocks).includes(A.accept))!;
    await click(UPODROID, decide, A.accept);
    await e2e.slack.waitFor(() => told(UPODROID, 'The reviewers decide on an objection, not the author.'), WAIT);
    await click(ARNAUD, decide, A.accept);
    await e2e.slack.waitFor(() => told(ARNAUD, 'the change goes ahead'), WAIT);
    await settle(e2e.drain, clock);
    stored = (await new ChangeRepository(store.db).listOpen())[0]!;
    expect(stored).toMatchObject({ state: 'cleared', lazy: { outcome: 'accepted' } });
    expect(threadSays('decided to go ahead despite the objection')).toBe(true);
  });
});
