import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { Incident } from '../../src/incidents/domain/incident.ts';
import { IncidentRepository } from '../../src/incidents/store/incident-repository.ts';
import { paging } from '../../src/escalation/capability.ts';
import { incidents } from '../../src/incidents/capability.ts';
import { INCIDENTS_IDS } from '../../src/incidents/ids.ts';
import { AuditLog } from '../../src/platform/store/audit-log.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { rota } from '../../src/rota/capability.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { HOSTILE, unescapedHostile } from '../helpers/hostile.ts';

const A = INCIDENTS_IDS.actions;
const REPO = 'kubernetes/k8s.io';
const ARNAUD = 'U0AMEUKAM'; // a lead
const BEN = 'U0BENTHEE'; // owns the registry subproject, not a lead
const JIM = 'U0JIMANGE'; // in the config, owns no registry service, not a lead
const STRANGER = 'U0STRANGR'; // a member of the Kubernetes Slack, not in infra.yaml
const WAIT = { timeoutMs: 8000 };

/**
 * Who may steer an incident, tried as an outsider would: signed requests to the real endpoint
 * through the emulator. Every refusal is ephemeral, changes nothing and is audited.
 */
describe('incidents: only the right people steer an incident', () => {
  let e2e: Harness;
  let clock: ManualClock;
  let store: Store;
  let repo: IncidentRepository;
  let audit: AuditLog;

  beforeAll(async () => {
    clock = new ManualClock('2026-11-24T10:12:00Z');
    store = await openDatabase({ kind: 'sqlite', path: ':memory:' });
    e2e = await startHarness({ clock, store, capabilities: [rota, paging, incidents], github: { repos: { [REPO]: {} } } });
    e2e.slack.addUser({ id: STRANGER, name: 'stranger', real_name: 'A Stranger' });
    repo = new IncidentRepository(store.db);
    audit = new AuditLog(store.db);
  });
  afterAll(async () => {
    await e2e.stop();
  });

  const wg = () => e2e.slack.channelByName('wg-k8s-infra')!;

  async function declare(userId: string, title: string, commander: string): Promise<Incident> {
    await e2e.slack.sendSlashCommand({ userId, channelId: wg().id, text: 'incident declare' });
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(userId));
    const r = await e2e.slack.submitView({
      userId,
      viewId: view.id,
      values: { [A.title]: { [A.title]: title }, [A.services]: { [A.services]: ['registry'] }, [A.commander]: { [A.commander]: commander }, [A.page]: { [A.page]: 'no' } },
    });
    expect(r.ok).toBe(true);
    for (let i = 0; i < 400; i++) {
      const found = (await repo.listOpen()).find((x) => x.title === title && x.channelId && x.summaryTs);
      if (found) return found;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error(`no incident ${title}`);
  }

  async function run(userId: string, channelId: string, text: string): Promise<string> {
    const before = e2e.slack.ephemerals(userId, channelId).length;
    const r = await e2e.slack.sendSlashCommand({ userId, channelId, text });
    expect(r.ok).toBe(true);
    expect(r.ackMs).toBeLessThan(3000);
    const shown = await e2e.slack.waitFor(() => {
      const list = e2e.slack.ephemerals(userId, channelId);
      return list.length > before && list;
    }, WAIT);
    return shown.at(-1)?.text ?? '';
  }

  const refusals = async (incident: Incident) => (await audit.list({ subject: `incident:${incident.id}`, action: 'incident.refused' })).map((a) => ({ actor: a.actor, action: a.payload.action, reason: a.payload.reason }));

  it('refuses a stranger who names themselves commander, and then their resolve', async () => {
    const incident = await declare(ARNAUD, 'Registry pulls failing', ARNAUD);
    const channel = incident.channelId!;
    e2e.slack.channel(channel)!.members.push(STRANGER);

    const role = await run(STRANGER, channel, `incident role <@${STRANGER}|stranger> commander`);
    expect(role).toContain('Only the commander');
    expect(role).not.toContain(`<@${STRANGER}> is now commander`);
    const resolve = await run(STRANGER, channel, 'incident resolve all good now');
    expect(resolve).toContain('Only the commander');

    const after = (await repo.get(incident.id))!;
    expect(after.commander).toBe(ARNAUD);
    expect(after.status).toBe('investigating');
    expect(e2e.slack.messages(channel).some((m) => m.text?.includes(`<@${STRANGER}> is now commander`))).toBe(false);
    expect(await refusals(incident)).toEqual([
      expect.objectContaining({ actor: STRANGER, action: 'assign-role' }),
      expect.objectContaining({ actor: STRANGER, action: 'resolve' }),
    ]);
  });

  it('lets the declarer hand the commander role on until the commander takes charge, then only the commander and leads', async () => {
    // BEN declares, naming JIM commander; JIM has not acted yet.
    const incident = await declare(BEN, 'Cloud Build queue stuck', JIM);
    const channel = incident.channelId!;
    expect(await run(BEN, channel, `incident role <@${ARNAUD}|ameukam> commander`)).toContain(`<@${ARNAUD}> is now commander`);
    expect(await run(BEN, channel, `incident role <@${JIM}|jimangel> commander`)).toContain(`<@${JIM}> is now commander`);
    // JIM takes charge by posting an update: from now on BEN (not a lead) steers no more.
    expect(await run(JIM, channel, 'incident update identified stuck worker pool')).toContain('Update saved');
    expect(await run(BEN, channel, `incident role <@${BEN}|bentheelder> commander`)).toContain('Only the commander');
    expect(await run(BEN, channel, 'incident severity sev1')).toContain('Only the commander');
    expect(await run(JIM, channel, 'incident severity sev1')).toContain('Severity is now SEV1');
    // A lead may always steer; the stored commander resolves.
    expect(await run(ARNAUD, channel, `incident role <@${BEN}|bentheelder> scribe`)).toContain('is now scribe');
    expect(await run(JIM, channel, 'incident resolve workers restarted')).toBe('Resolved.');
    const after = (await repo.get(incident.id))!;
    expect(after).toMatchObject({ commander: JIM, severity: 'SEV1', status: 'resolved', roles: { scribe: BEN } });
    expect((await refusals(incident)).map((r) => [r.actor, r.action])).toEqual([
      [BEN, 'assign-role'],
      [BEN, 'change-severity'],
    ]);
  });

  it('refuses a stranger’s update, severity, crafted resolve form and :pushpin: (told only them, without a response_url), and audits each', async () => {
    const incident = await declare(ARNAUD, 'DNS answers wrong', ARNAUD);
    const channel = incident.channelId!;
    e2e.slack.channel(channel)!.members.push(STRANGER);
    expect(await run(STRANGER, channel, 'incident update monitoring all fixed, nothing to see')).toContain("Only the incident's people");
    expect(await run(STRANGER, channel, 'incident severity sev4')).toContain('Only the commander');
    // A resolve form the stranger could never open, submitted by hand (signed, as Slack would send it).
    const form = { type: 'view_submission', ...e2e.slack.payloadIdentity(STRANGER), view: { id: 'V0CRAFTED', type: 'modal', callback_id: 'incidents.resolve', private_metadata: JSON.stringify({ incidentId: incident.id }), state: { values: { [A.resolution]: { [A.resolution]: { type: 'plain_text_input', value: 'gone' } } } } } };
    const d = await e2e.slack.sendRaw({ payload: form });
    expect(d.status).toBe(200);
    expect(JSON.stringify(d.body)).toContain('Only the commander');
    // A :pushpin: reaction has no response_url: the refusal is an ephemeral in the channel.
    const { message } = await e2e.slack.postUserMessage({ userId: STRANGER, channelId: channel, text: 'it was aliens' });
    expect((await e2e.slack.sendEvent({ type: 'reaction_added', user: STRANGER, reaction: 'pushpin', item: { type: 'message', channel, ts: message.ts }, item_user: STRANGER, event_ts: message.ts })).ok).toBe(true);
    const told = await e2e.slack.waitFor(() => e2e.slack.ephemerals(STRANGER, channel).find((m) => m.text?.includes('was not added')), WAIT);
    expect(told.text).toContain(':pushpin:');

    const after = (await repo.get(incident.id))!;
    expect(after).toMatchObject({ status: 'investigating', severity: 'SEV2', updateSeq: 0 });
    expect((await repo.timeline(incident.id)).map((e) => e.kind)).not.toContain('pin');
    expect((await refusals(incident)).map((r) => [r.actor, r.action])).toEqual([
      [STRANGER, 'update'],
      [STRANGER, 'change-severity'],
      [STRANGER, 'resolve'],
      [STRANGER, 'pin'],
    ]);
    // Nothing the stranger did reached the channel or the announcements.
    expect(e2e.slack.messages(channel).some((m) => m.text?.includes('all fixed'))).toBe(false);
    expect(e2e.slack.messages('wg-k8s-infra').some((m) => m.text?.includes('all fixed'))).toBe(false);
  });

  it('never lets typed text ping or link: a hostile title, description, update and resolution reach Slack escaped, the channel name a clean slug', async () => {
    await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: wg().id, text: 'incident declare' });
    const view = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
    const title = `Pulls ${HOSTILE}`.slice(0, 150);
    const r = await e2e.slack.submitView({ userId: ARNAUD, viewId: view.id, values: { [A.title]: { [A.title]: title }, [A.description]: { [A.description]: HOSTILE }, [A.page]: { [A.page]: 'no' } } });
    expect(r.ok).toBe(true);
    let incident: Incident | undefined;
    for (let i = 0; !incident && i < 300; i++) {
      incident = (await repo.listOpen()).find((x) => x.title === title && x.summaryTs);
      await new Promise((res) => setTimeout(res, 20));
    }
    const channel = incident!.channelId!;
    expect(incident!.channelName).toMatch(/^inc-20261124-pulls-channel-here-everyone-subteam-s0leads-u0dims001/);
    expect(incident!.channelName).toMatch(/^[a-z0-9-]{1,80}$/);
    await run(ARNAUD, channel, `incident update identified ${HOSTILE}`);
    await e2e.slack.waitFor(() => e2e.slack.messages(channel).some((m) => m.text?.includes('*identified*')), WAIT);
    await run(ARNAUD, channel, `incident resolve ${HOSTILE}`);
    await e2e.slack.waitFor(() => e2e.slack.messages('wg-k8s-infra').some((m) => m.text?.includes('resolved:*') && m.text.includes('Pulls')), WAIT);
    const everything = [...e2e.slack.messages(channel), ...e2e.slack.messages('wg-k8s-infra'), ...e2e.slack.pins(channel)];
    expect(everything.length).toBeGreaterThan(4);
    // mrkdwn texts only: the header (plain_text) shows the title as typed, which Slack never parses.
    const mrkdwn = JSON.stringify(everything.map((m) => [m.text, JSON.stringify(m.blocks ?? []).replace(/\{"type":"plain_text","text":"(?:[^"\\]|\\.)*"[^}]*\}/g, '')]));
    expect(unescapedHostile(mrkdwn)).toEqual([]);
    expect(mrkdwn).toContain('&lt;!channel&gt;');
  });

  it('opens a form Slack accepts for a 2,950- or 100,000-character update, cut to the field and saying the limit', async () => {
    const incident = (await repo.listOpen()).find((i) => i.title === 'DNS answers wrong')!;
    for (const n of [2950, 100_000]) {
      const r = await e2e.slack.sendSlashCommand({ userId: ARNAUD, channelId: incident.channelId!, text: `incident update identified ${'z'.repeat(n)}` });
      expect(r.ok).toBe(true);
      const form = await e2e.slack.waitFor(() => e2e.slack.topView(ARNAUD));
      expect(form.callback_id).toBe('incidents.update');
      const text = JSON.stringify(form.blocks);
      expect(text).toContain(`What you typed has ${n.toLocaleString('en-US')} characters; this field holds 2,900, so it was cut.`);
      expect(text).toContain(`"initial_value":"${'z'.repeat(2900)}"`);
      await e2e.slack.closeView({ userId: ARNAUD, viewId: form.id });
    }
    expect((await repo.get(incident.id))!.updateSeq).toBe(0);
  });
});
