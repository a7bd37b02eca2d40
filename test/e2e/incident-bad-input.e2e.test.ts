import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { Incident } from '../../src/incidents/domain/incident.ts';
import { IncidentRepository } from '../../src/incidents/store/incident-repository.ts';
import { paging } from '../../src/escalation/capability.ts';
import { incidents } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import { AuditLog } from '../../src/platform/store/audit-log.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { rota } from '../../src/rota/capability.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import type { FakeGithub } from '../integrations/github/fake-github.ts';

const A = INCIDENTS_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const ARNAUD = 'U0AMEUKAM'; // a lead
const BEN = 'U0BENTHEE'; // not a lead
const JIM = 'U0JIMANGE'; // not a lead
const WAIT = { timeoutMs: 8000 };

describe('incidents: bad input and failures', () => {
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

  const wg = () => e2e.slack.channelByName('wg-k8s-infra')!;

  async function openDeclare(userId: string) {
    await e2e.slack.sendSlashCommand({ userId, channelId: wg().id, text: 'incident' });
    return e2e.slack.waitFor(() => e2e.slack.topView(userId));
  }

  async function declare(userId: string, title: string, extra: Record<string, Record<string, string | string[] | null>> = {}) {
    const view = await openDeclare(userId);
    const result = await e2e.slack.submitView({ userId, viewId: view.id, values: { [A.title]: { [A.title]: title }, [A.page]: { [A.page]: 'no' }, ...extra } });
    return { view, result };
  }

  async function incidentTitled(title: string): Promise<Incident> {
    for (let i = 0; i < 300; i++) {
      const found = (await repo.listOpen()).find((x) => x.title === title && x.channelId && x.summaryTs);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no incident ${title}`);
  }

  it('refuses an empty title inline, keeping the modal open', async () => {
    const view = await openDeclare(BEN);
    const r = await e2e.slack.submitView({ userId: BEN, viewId: view.id, values: { [A.title]: { [A.title]: '   ' } } });
    expect(r.responseAction).toBe('errors');
    expect(r.errors?.[A.title]).toContain('short title');
    expect(e2e.slack.topView(BEN)?.id).toBe(view.id);
    expect(await repo.listOpen()).toHaveLength(0);
    await e2e.slack.closeView({ userId: BEN, viewId: view.id });
  });

  it('creates one incident when the same submission arrives twice', async () => {
    const { view, result } = await declare(ARNAUD, 'Cloud Build queue stuck', { [A.services]: { [A.services]: ['gcb'] } });
    expect(result.ok).toBe(true);
    const incident = await incidentTitled('Cloud Build queue stuck');
    // Slack retries a submission it thinks was lost: same view id, same values.
    const replay = { type: 'view_submission', team: { id: 'T0SANDBOX', domain: 'k8s-infra-sandbox' }, user: { id: ARNAUD, name: 'ameukam', team_id: 'T0SANDBOX' }, api_app_id: 'A0SANDBOX', token: 'sandbox-verification-token', trigger_id: 'replayed', view: e2e.slack.view(view.id) };
    const d = await e2e.slack.sendRaw(new URLSearchParams({ payload: JSON.stringify(replay) }).toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(d.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect((await repo.listOpen()).filter((i) => i.title === 'Cloud Build queue stuck')).toHaveLength(1);
    expect(e2e.slack.channels().filter((c) => c.name.startsWith('inc-20261124-cloud-build-queue-stuck'))).toHaveLength(1);
    expect((await new AuditLog(store.db).list({ action: 'incident.declared' })).filter((a) => a.subject === `incident:${incident.id}`)).toHaveLength(1);
  });

  it('takes a numeric suffix when the channel name is taken', async () => {
    // A person's channel of that name (the bot takes back only a channel it created itself).
    e2e.slack.addChannel({ name: 'inc-20261124-dns-broken' }).creator = BEN;
    await declare(ARNAUD, 'DNS broken', { [A.services]: { [A.services]: ['dns'] } });
    const incident = await incidentTitled('DNS broken');
    expect(incident.channelName).toBe('inc-20261124-dns-broken-2');
    expect(e2e.slack.channelByName('inc-20261124-dns-broken-2')?.id).toBe(incident.channelId);
  });

  it('keeps the incident and channel through a GitHub outage and opens the issue later from the outbox', async () => {
    github.outage = true;
    const before = github.issues(REPO).length;
    await declare(ARNAUD, 'Website down', { [A.severity]: { [A.severity]: 'SEV3' }, [A.services]: { [A.services]: ['website'] } });
    const incident = await incidentTitled('Website down');
    await e2e.slack.waitFor(() => String(JSON.stringify(e2e.slack.pins(incident.channelId!)[0]?.blocks)).includes('GitHub did not answer'), WAIT);
    expect((await repo.timeline(incident.id)).some((e) => e.kind === 'issue_delayed')).toBe(true);
    expect(github.issues(REPO)).toHaveLength(before);
    const job = await new Jobs(store.db, store.dialect).get(`incident-github:${incident.id}:create`);
    expect(job?.status).toBe('pending');
    expect(job?.lastError).toContain('503');

    github.outage = false;
    clock.advance(60_000);
    await e2e.bot.jobRunner.runDue();
    await e2e.slack.waitFor(() => github.issues(REPO).find((i) => i.title === '[SEV3] Website down'), WAIT);
    const timeline = await repo.timeline(incident.id);
    expect(timeline.find((e) => e.kind === 'issue')?.text).toMatch(/opened \(after 2 attempts\)/);
    expect((await repo.get(incident.id))!.issueNumber).not.toBeNull();
  });

  it('asks which incident when `incident update` is run outside an incident channel', async () => {
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: wg().id, text: 'incident update identified stuck worker pool' });
    const modal = await e2e.slack.waitFor(() => e2e.slack.topView(JIM));
    expect(modal.callback_id).toBe('incidents.update');
    expect(JSON.stringify(modal.blocks)).toContain('Cloud Build queue stuck');
    const incident = await incidentTitled('Cloud Build queue stuck');
    // JIM owns no service of this incident and has no role in it: told inline, the form stays open.
    const refused = await e2e.slack.submitView({ userId: JIM, viewId: modal.id, values: { [A.incident]: { [A.incident]: incident.id } } });
    expect(refused.responseAction).toBe('errors');
    expect(refused.errors?.[A.incident]).toContain("Only the incident's people");
    await e2e.slack.closeView({ userId: JIM, viewId: modal.id });
    // The declarer may.
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: wg().id, text: 'incident update identified stuck worker pool' });
    const mine = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
    const r = await e2e.slack.submitView({ userId: ARNAUD, viewId: mine.id, values: { [A.incident]: { [A.incident]: incident.id } } });
    expect(r.ok).toBe(true);
    await e2e.slack.waitFor(() => e2e.slack.messages(incident.channelId!).some((m) => m.text?.includes('*identified*: stuck worker pool')), WAIT);
    expect((await repo.get(incident.id))!.status).toBe('identified');
  });

  it('refuses to resolve for someone who is neither the commander nor a lead', async () => {
    const incident = await incidentTitled('DNS broken');
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: incident.channelId!, text: 'incident resolve it went away' });
    expect(e2e.slack.ephemerals(JIM, incident.channelId!).at(-1)?.text).toContain('Only the commander');
    expect((await repo.get(incident.id))!.status).toBe('investigating');
    expect(e2e.slack.topView(JIM)).toBeUndefined();
  });

  it('sets roles (escaped mentions) and severity, and lists open incidents with their times', async () => {
    const incident = await incidentTitled('DNS broken');
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident role <@U0JIMANGE|jimangel> commander' });
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident role <@U0BENTHEE|bentheelder> scribe' });
    await e2e.slack.sendSlashCommand({ userId: JIM, channelId: incident.channelId!, text: 'incident severity sev1' });
    const after = (await repo.get(incident.id))!;
    expect(after.commander).toBe(JIM);
    expect(after.roles.scribe).toBe(BEN);
    expect(after.severity).toBe('SEV1');
    await e2e.slack.waitFor(() => [JIM, BEN].every((u) => e2e.slack.channel(incident.channelId!)!.members.includes(u)), WAIT);
    await e2e.slack.sendSlashCommand({ userId: BEN, channelId: wg().id, text: 'incident list' });
    const list = JSON.stringify(e2e.slack.ephemerals(BEN).at(-1)!.blocks);
    expect(list).toContain('*SEV1* DNS broken');
    expect(list).toContain(`commander <@${JIM}>`);
    expect(list).toContain('acked in 0s');
  });

  it('nudges the commander when no update came in time, and a newer update supersedes the reminder', async () => {
    const incident = await incidentTitled('Website down'); // SEV3: 4 h
    const nudges = () => e2e.slack.messages(incident.channelId!).filter((m) => m.text?.includes('no update on this SEV3'));
    clock.advance(3 * 3_600_000);
    await e2e.bot.jobRunner.runDue();
    expect(nudges()).toHaveLength(0);
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: 'incident update identified netlify build failing' });
    clock.advance(2 * 3_600_000); // 5 h after declaring, 2 h after the update
    await e2e.bot.jobRunner.runDue();
    expect(nudges()).toHaveLength(0);
    clock.advance(2 * 3_600_000 + 60_000);
    await e2e.bot.jobRunner.runDue();
    await e2e.slack.waitFor(() => nudges().length === 1, WAIT);
    expect(nudges()[0]!.text).toContain(`<@${ARNAUD}>`);
  });
});
