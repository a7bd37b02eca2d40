import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { IncidentRepository } from '../../src/incidents/store/incident-repository.ts';
import { paging } from '../../src/escalation/capability.ts';
import { incidents } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { AuditLog } from '../../src/platform/store/audit-log.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { rota } from '../../src/rota/capability.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';

const A = INCIDENTS_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const ARNAUD = 'U0AMEUKAM';
const DIMS = 'U0DIMS001';
const BEN = 'U0BENTHEE';
const WAIT = { timeoutMs: 8000 };

describe('incidents end to end through the Slack emulator and a local GitHub', () => {
  let e2e: Harness;
  let github: FakeGithub;
  let clock: ManualClock;
  let store: Store;
  let repo: IncidentRepository;

  beforeAll(async () => {
    clock = new ManualClock('2026-11-24T10:12:00Z');
    // Unmigrated: the bot migrates what its capabilities need (a fully migrated one would name migrations it does not know).
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    // Incidents page through paging, which asks the rota who is on call.
    e2e = await startHarness({ clock, store, capabilities: [rota, paging, incidents], github: { repos: { [REPO]: {} } } });
    if (!e2e.github) throw new Error('the harness started no GitHub');
    github = e2e.github;
    repo = new IncidentRepository(store.db);
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const announcements = () => e2e.slack.messages('wg-k8s-infra');

  async function declare(userId: string, values: Record<string, Record<string, string | string[] | null>>) {
    const wg = e2e.slack.channelByName('wg-k8s-infra')!;
    const r = await e2e.slack.sendSlashCommand({ userId, channelId: wg.id, text: 'incident declare' });
    expect(r.ok).toBe(true);
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(userId));
    expect(view.callback_id).toBe('incidents.declare');
    return { view, result: await e2e.slack.submitView({ userId, viewId: view.id, values }) };
  }

  it('runs a SEV2 from declaration to review: channel, announcement, page, issue, updates, pinned timeline, resolution', async () => {
    const { result } = await declare(ARNAUD, {
      [A.title]: { [A.title]: 'Registry pulls failing' },
      [A.severity]: { [A.severity]: 'SEV2' },
      [A.services]: { [A.services]: ['registry', 'prow'] },
      [A.description]: { [A.description]: 'Image pulls from registry.k8s.io return 503 in europe-west.' },
    });
    expect(result.ok).toBe(true);
    expect(result.ackMs).toBeLessThan(3000);

    // Channel, named by date and title, with the declarer in it and a pinned summary.
    const channel = await e2e.slack.waitFor(() => {
      const c = e2e.slack.channelByName('inc-20261124-registry-pulls-failing');
      return c?.members.includes(ARNAUD) && c;
    }, WAIT);
    const pinned = await e2e.slack.waitFor(() => e2e.slack.pins(channel.id)[0], WAIT);
    expect(JSON.stringify(pinned.blocks)).toContain('SEV2: Registry pulls failing');

    // Announcement in #wg-k8s-infra naming the out-of-scope owner.
    const announced = await e2e.slack.waitFor(() => announcements().find((m) => m.text?.includes('SEV2 incident declared')), WAIT);
    expect(announced.text).toContain(`<#${channel.id}>`);
    expect(announced.text).toContain('SIG Testing');

    // GitHub issue with labels, linked from the summary.
    const issue = await e2e.slack.waitFor(() => github.issues(REPO)[0], WAIT);
    expect(issue.repo).toBe('kubernetes/k8s.io');
    expect(issue.title).toBe('[SEV2] Registry pulls failing');
    expect(issue.labels).toEqual(['sig/k8s-infra', 'severity/sev2']);
    expect(issue.body).toContain('@ameukam');

    // Paged through the paging engine for the registry subproject.
    const [incident] = await repo.listOpen();
    if (!incident) throw new Error('no open incident');
    await e2e.slack.waitFor(() => e2e.slack.messages('k8s-infra-alerts').some((m) => JSON.stringify(m).includes('Registry pulls failing')), WAIT);
    const withPage = await repo.get(incident.id);
    expect(Object.keys(withPage!.pages)).toEqual(['registry']);
    await e2e.slack.waitFor(() => JSON.stringify(e2e.slack.pins(channel.id)[0]!.blocks).includes('/issues/1'), WAIT);

    // Two updates, inline, in the incident channel: channel, announcements, GitHub comments.
    clock.advance(10 * 60_000);
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: channel.id, text: 'incident update identified bad CDN config in eu' });
    clock.advance(15 * 60_000);
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: channel.id, text: 'incident update monitoring fix rolled out' });
    // Posted by jobs committed with each update, right after the answer.
    await e2e.slack.waitFor(() => e2e.slack.messages(channel.id).some((m) => m.text?.includes('*monitoring*: fix rolled out')), WAIT);
    await e2e.slack.waitFor(() => announcements().some((m) => m.text?.includes('*identified*: bad CDN config in eu')), WAIT);
    await e2e.slack.waitFor(() => github.issue(REPO, 1)!.comments.length === 2, WAIT);
    expect(github.issue(REPO, 1)!.comments[1]).toContain('@ameukam: *monitoring*: fix rolled out');
    expect(github.issue(REPO, 1)!.body).toContain(`<!-- k8s-infra-bot incident ${incident.id} -->`);

    // A message given :pushpin: joins the timeline (and a second reaction adds nothing).
    const { message } = await e2e.slack.postUserMessage({ userId: DIMS, channelId: channel.id, text: 'Root cause: expired cert on the eu mirror' });
    const reaction = { type: 'reaction_added', user: DIMS, reaction: 'pushpin', item: { type: 'message', channel: channel.id, ts: message.ts }, item_user: DIMS, event_ts: message.ts };
    expect((await e2e.slack.sendEvent(reaction)).ok).toBe(true);
    await e2e.slack.waitFor(() => JSON.stringify(e2e.slack.pins(channel.id)[0]!.blocks).includes('expired cert'), WAIT);
    await e2e.slack.sendEvent({ ...reaction, user: BEN });
    expect((await repo.timeline(incident.id)).filter((e) => e.kind === 'pin')).toHaveLength(1);

    // Resolve through the modal.
    clock.advance(20 * 60_000);
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: channel.id, text: 'incident resolve' });
    const modal = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
    expect(modal.callback_id).toBe('incidents.resolve');
    const resolved = await e2e.slack.submitView({ userId: ARNAUD, viewId: modal.id, values: { [A.resolution]: { [A.resolution]: 'Renewed the eu mirror certificate.' } } });
    expect(resolved.ok).toBe(true);

    await e2e.slack.waitFor(() => github.issue(REPO, 1)!.state === 'closed' && github.issue(REPO, 2), WAIT);
    expect(github.issue(REPO, 1)!.comments).toHaveLength(3);
    expect(github.issue(REPO, 1)!.comments[2]).toContain('Renewed the eu mirror certificate.');
    const review = github.issue(REPO, 2)!;
    expect(review.title).toBe('Post-incident review: Registry pulls failing');
    expect(review.body).toContain('expired cert on the eu mirror');
    expect(review.body).toContain('*identified*: bad CDN config in eu');
    expect(review.body).toMatch(/\| Mitigated \| 2026-11-24T10:37:00Z \| 25m \|/);
    expect(review.body).toMatch(/\| Resolved \| 2026-11-24T10:57:00Z \| 45m \|/);
    await e2e.slack.waitFor(() => announcements().some((m) => m.text?.includes('SEV2 resolved')), WAIT);

    // The review issue exists on GitHub before the job that opened it has recorded its number.
    await expect.poll(async () => (await repo.get(incident.id))?.reviewIssueNumber, { timeout: 10_000 }).toBe(2);
    const after = await repo.get(incident.id);
    expect(after!.status).toBe('resolved');
    expect(after!.reviewIssueNumber).toBe(2);
    const audit = await new AuditLog(store.db).list({ subject: `incident:${incident.id}` });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['incident.declared', 'incident.updated', 'incident.message_pinned', 'incident.resolved', 'incident.issue_opened', 'incident.review_opened']));

    const metrics = await (await fetch(`${e2e.bot.url}/metrics`)).text();
    expect(metrics).toContain('k8s_infra_bot_incident_time_to_resolve_seconds_count{severity="SEV2"} 1');
    expect(metrics).toContain('k8s_infra_bot_incident_time_to_mitigate_seconds_sum{severity="SEV2"} 1500');
  });
});
