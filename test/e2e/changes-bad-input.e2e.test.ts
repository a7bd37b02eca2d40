import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes } from '../../src/changes/capability.ts';
import { CHANGE_BLOCKS as B, CHANGES_IDS } from '../../src/changes/ids.ts';
import { ChangeRepository } from '../../src/changes/store/change-repository.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';
import { changesTestConfig, seedSigs, settle } from '../changes/helpers/e2e-setup.ts';
import { k8sIoGroupsRepo } from '../changes/helpers/k8s-io-repo.ts';

const A = CHANGES_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const DIMS = 'U0DIMS001'; // America/New_York
const JIM = 'U0JIMANGE';
const WAIT = { timeoutMs: 8000 };

const medium = (title: string, description = 'Moves the redirector to the new ingress.') => ({
  [B.title]: { [A.title]: title },
  [B.description]: { [A.description]: description },
  [B.services]: { [A.services]: ['website'] },
  [B.rollback]: { [A.rollback]: 'Point the DNS record back at the old ingress.' },
  [B.windowDate]: { [A.windowDate]: '2026-06-30' },
  [B.windowTime]: { [A.windowTime]: '15:00' },
  [B.workflows]: { [A.workflows]: 'may' },
  [B.rollbackEase]: { [A.rollbackEase]: 'easy' },
  [B.reach]: { [A.reach]: 'few' },
});

describe('changes: every bad input gets a clear answer and changes nothing', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let store: Store;

  beforeAll(async () => {
    clock = new ManualClock('2026-06-01T14:00:00Z');
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    const config = changesTestConfig();
    e2e = await startHarness({ clock, store, config, capabilities: [changes], github: { repos: { [REPO]: k8sIoGroupsRepo() } }, manualJobs: true });
    github = e2e.github!;
    seedSigs(e2e.slack, config);
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const wg = () => e2e.slack.channelByName('wg-k8s-infra')!;
  const told = (userId: string, text: string) => e2e.slack.ephemerals(userId).some((m) => m.text.includes(text));
  const openForm = async (userId: string, text = 'change') => {
    const before = e2e.slack.topView(userId)?.id;
    const r = await e2e.slack.sendSlashCommand({ userId, channelId: wg().id, text });
    expect(r.ok).toBe(true);
    return e2e.slack.waitFor(() => {
      const v = e2e.slack.topView(userId);
      return v && v.id !== before && v;
    }, WAIT);
  };
  const closeForms = async (userId: string) => {
    for (let v = e2e.slack.topView(userId); v; v = e2e.slack.topView(userId)) await e2e.slack.closeView({ userId, viewId: v.id });
  };
  const stored = () => new ChangeRepository(store.db).listOpen();

  it('refuses a PR of another repository in the command, and opens no form', async () => {
    const r = await e2e.slack.sendSlashCommand({ userId: DIMS, channelId: wg().id, text: 'change https://github.com/kubernetes/kubernetes/pull/123' });
    expect(JSON.stringify(r.body ?? r.shown)).toContain('kubernetes/kubernetes is not a repository this bot reads changes from');
    expect(e2e.slack.topView(DIMS)).toBeUndefined();
    const garbage = await e2e.slack.sendSlashCommand({ userId: DIMS, channelId: wg().id, text: 'change frobnicate' });
    expect(JSON.stringify(garbage.body ?? garbage.shown)).toContain('That is not a pull request link');
  });

  it('says a PR does not exist, in the form and again on submit; a PR of another repository typed in the form is refused inline', async () => {
    const form = await openForm(DIMS, `change https://github.com/${REPO}/pull/999`);
    await e2e.slack.waitFor(() => JSON.stringify(e2e.slack.view(form.id)?.blocks).includes('there is no pull request #999 in kubernetes/k8s.io'), WAIT);
    const r = await e2e.slack.submitView({ userId: DIMS, viewId: form.id, values: medium('Move the redirector') });
    expect(r.errors).toEqual({ [B.pr]: 'There is no pull request #999 in kubernetes/k8s.io.' });
    const other = await e2e.slack.submitView({ userId: DIMS, viewId: form.id, values: { ...medium('Move the redirector'), [B.pr]: { [A.pr]: 'https://github.com/kubernetes/test-infra/pull/1' } } });
    expect(other.errors?.[B.pr]).toContain('kubernetes/test-infra is not a repository this bot reads changes from');
    await closeForms(DIMS);
    expect(await stored()).toHaveLength(0);
  });

  it('refuses a window time the clocks skip, and a tier lowered below the answers in a crafted submission', async () => {
    const form = await openForm(DIMS);
    await e2e.slack.selectOption({ userId: DIMS, source: { viewId: form.id }, actionId: A.workflows, value: 'may' });
    await e2e.slack.selectOption({ userId: DIMS, source: { viewId: form.id }, actionId: A.rollbackEase, value: 'easy' });
    await e2e.slack.selectOption({ userId: DIMS, source: { viewId: form.id }, actionId: A.reach, value: 'few' });
    await e2e.slack.waitFor(() => e2e.slack.view(form.id)?.blocks.some((b) => b.block_id === 'changes.tier.medium'), WAIT);
    // 2:30 a.m. on 14 March 2027 does not exist in New York (the clocks go forward).
    const gap = await e2e.slack.submitView({ userId: DIMS, viewId: form.id, values: { ...medium('Move the redirector'), [B.windowDate]: { [A.windowDate]: '2027-03-14' }, [B.windowTime]: { [A.windowTime]: '02:30' } } });
    expect(gap.errors).toEqual({ [B.windowDate]: '02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward that night): pick another time.' });

    // The form offers medium and high only; a payload saying "low" is refused on the tier field.
    const view = structuredClone(e2e.slack.view(form.id)!);
    view.state.values[B.windowTime] = { [A.windowTime]: { type: 'timepicker', selected_time: '15:00' } };
    view.state.values['changes.tier.medium'] = { [A.tier]: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Low' }, value: 'low' } } };
    const crafted = { type: 'view_submission', ...e2e.slack.payloadIdentity(DIMS), trigger_id: 'crafted', view };
    const d = await e2e.slack.sendRaw({ payload: crafted });
    expect(d.status).toBe(200);
    expect(JSON.stringify(d.body)).toContain('"changes.tier.medium":"The tier cannot be lower than medium');
    await closeForms(DIMS);
    expect(await stored()).toHaveLength(0);
  });

  it('announces in Slack while GitHub is down, says the record is late, and opens the issue when GitHub is back', async () => {
    github.outage = true;
    const form = await openForm(DIMS);
    const r = await e2e.slack.submitView({ userId: DIMS, viewId: form.id, values: medium('Move the k8s.io redirector') });
    expect(r.ok).toBe(true);
    await settle(e2e.drain, clock);
    const message = e2e.slack.messages('wg-k8s-infra').find((m) => m.text.includes('Move the k8s.io redirector'))!;
    expect(message).toBeDefined();
    const threadSays = (text: string) => e2e.slack.thread('wg-k8s-infra', message.ts).some((m) => m.text.includes(text));
    expect(threadSays('GitHub did not answer')).toBe(true);
    expect(github.issues(REPO)).toHaveLength(0);
    // Reviews go on meanwhile.
    await e2e.slack.clickButton({ userId: JIM, source: { messageTs: message.ts, channelId: message.channel }, actionId: A.approve });
    await e2e.slack.waitFor(() => told(JIM, 'approval is recorded'), WAIT);
    const list = await e2e.slack.sendSlashCommand({ userId: JIM, channelId: wg().id, text: 'change list' });
    expect(JSON.stringify(list.body ?? list.shown)).toContain('Move the k8s.io redirector');

    github.outage = false;
    clock.advance(10 * 60_000);
    const back = clock.now();
    await settle(e2e.drain, clock);
    expect(github.issues(REPO)).toHaveLength(1);
    expect(threadSays('Lazy-consensus issue opened')).toBe(true);
    const [change] = (await stored()).filter((c) => c.title === 'Move the k8s.io redirector');
    // The count starts when the record exists, not when Slack heard of the change.
    expect(change!.lazy!.startedAt!.getTime()).toBeGreaterThanOrEqual(back.getTime());
  });

  it('shows hostile text as typed: no ping, no masked link, in Slack; quoted and @-free on GitHub', async () => {
    const form = await openForm(JIM);
    const r = await e2e.slack.submitView({ userId: JIM, viewId: form.id, values: medium(`Redirector ${HOSTILE}`, `${HOSTILE}\n/lgtm\n/approve\n@kubernetes/owners`) });
    expect(r.ok).toBe(true);
    await settle(e2e.drain, clock);
    const posted = e2e.slack.messages('wg-k8s-infra').filter((m) => JSON.stringify(m).includes('Redirector'));
    expect(posted.length).toBeGreaterThan(0);
    expect(unescapedHostile(posted)).toEqual([]);
    const issue = github.issues(REPO).find((i) => i.title.includes('Redirector'))!;
    expect(issue.body).not.toMatch(/^\/(lgtm|approve)/m);
    expect(issue.body).toContain('> /lgtm');
    expect(issue.body).not.toContain('@kubernetes/owners');
    expect(issue.body).toContain('&#64;kubernetes/owners');
  });

  it('answers a button that names no change it knows', async () => {
    const message = e2e.slack.messages('wg-k8s-infra').find((m) => m.text.includes('Move the k8s.io redirector'))!;
    await e2e.slack.clickButton({ userId: JIM, source: { messageTs: message.ts, channelId: message.channel }, actionId: A.approve, value: 'chg-00000000' });
    await e2e.slack.waitFor(() => told(JIM, 'There is no such change'), WAIT);
    await e2e.slack.clickButton({ userId: JIM, source: { messageTs: message.ts, channelId: message.channel }, actionId: A.withdraw, value: '../../etc' });
    await e2e.slack.waitFor(() => told(JIM, 'no longer knows'), WAIT);
  });
});
