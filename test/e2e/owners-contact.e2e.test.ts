import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGING_API } from '../../src/escalation/api.ts';
import { OWNERS_IDS } from '../../src/owners/ids.ts';
import { pageDms } from '../escalation/paging-fixture.ts';
import { everyMessage, startOwnersE2E, textOf, U, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

const { actions: a, blocks: b } = OWNERS_IDS;
/** Planted in the directory: neither may appear anywhere but the allowed reveals. */
const PHONE = '+15550001234';
const ALT = 'ben.private.0042@example.net';

describe('contact directory end to end: entered, never shown, revealed once during an open page, refused outside', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E();
  });
  afterAll(async () => rig.stop());

  it('runs the whole scenario, and the planted details appear only in the allowed reveals', async () => {
    const { h } = rig;
    // bentheelder enters his details: a bad number is an inline error and stores nothing.
    await h.slack.sendSlashCommand({ userId: U.bentheelder, channelId: rig.channel, text: 'contact' });
    const modal = await h.slack.waitFor(() => h.slack.topView(U.bentheelder));
    expect(modal.callback_id).toBe(OWNERS_IDS.callbacks.contact);
    const bad = await h.slack.submitView({ userId: U.bentheelder, viewId: modal.id, values: { [b.phone]: { [a.phone]: '555-0100' }, [b.alternateEmails]: { [a.alternateEmails]: 'not-an-address' } } });
    expect(bad.errors?.[b.phone]).toMatch(/E\.164/);
    expect(bad.errors?.[b.alternateEmails]).toMatch(/not-an-address/);
    const ok = await h.slack.submitView({
      userId: U.bentheelder,
      viewId: modal.id,
      values: { [b.phone]: { [a.phone]: '+1 555 000 1234' }, [b.alternateEmails]: { [a.alternateEmails]: ALT }, [b.order]: { [a.order]: 'phone, slack' } },
    });
    expect(ok.ok).toBe(true);
    expect(ok.errors).toBeUndefined();
    await h.slack.waitFor(() => h.slack.dms(U.bentheelder).find((m) => m.text.includes('contact details are saved')));
    const stored = await h.bot.store.db.selectFrom('owners_contacts' as never).selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('5550001234');
    expect(JSON.stringify(stored)).not.toContain('ben.private');

    // Nothing open: nikhita (not a lead) is refused and told to page instead; a stranger too.
    expect(textOf(await rig.command(U.nikhita, 'contact @bentheelder'))).toContain('You may not see the contact details of <@U0BENTHEE>');
    expect(textOf(await rig.command(U.jimangel, 'contact <@U0BENTHEE|bentheelder>'))).toContain('`/k8s-infra page registry`');

    // thockin pages registry; the first step notifies nikhita, the primary.
    await h.slack.sendSlashCommand({ userId: U.thockin, channelId: rig.channel, text: 'page registry' });
    const pageModal = await h.slack.waitFor(() => h.slack.topView(U.thockin));
    await h.slack.submitView({ userId: U.thockin, viewId: pageModal.id, values: { 'paging.summary_block': { 'paging.summary': 'registry.k8s.io returns 503' } } });
    await h.drain();
    await h.slack.waitFor(() => pageDms(h.slack, U.nikhita).length === 1);
    const paging = h.bot.api(PAGING_API);
    const page = (await paging.openPages())[0]!;

    // nikhita, notified by the page, gets a Reveal button; jimangel still does not.
    const choices = await rig.command(U.nikhita, 'contact @bentheelder');
    expect(textOf(choices)).toContain(`Reveal contact (page ${page.id} (registry))`);
    expect(textOf(await rig.command(U.jimangel, 'contact @bentheelder'))).toContain('You may not see');
    await h.slack.clickButton({ userId: U.nikhita, source: { messageTs: choices.ts, channelId: choices.channel }, actionId: a.reveal });
    const revealed = await h.slack.waitFor(() => h.slack.ephemerals(U.nikhita).find((m) => textOf(m).includes(PHONE)));
    expect(textOf(revealed)).toContain(ALT);
    expect(textOf(revealed)).toContain(`Revealed for page ${page.id} (registry)`);
    await h.drain();
    // On the page's timeline (and so its thread), and told to bentheelder: never the values.
    const timeline = (await paging.openPages()).find((p) => p.id === page.id)!.timeline;
    expect(timeline.map((e) => e.text)).toContain(`@nikhita revealed @bentheelder's phone and alternate e-mail for page ${page.id} (registry)`);
    const thread = everyMessage(h.slack).filter((m) => m.json.includes(`revealed @bentheelder's phone and alternate e-mail for page ${page.id}`));
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((m) => m.ephemeralFor === undefined)).toBe(true);
    const told = await h.slack.waitFor(() => h.slack.dms(U.bentheelder).find((m) => m.text.includes('revealed your')));
    expect(told.text).toContain('<@U0NIKHITA> revealed your phone and alternate e-mail: for page');
    const audit = await h.bot.audit.list({ action: 'owners.contact_revealed' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'nikhita', subject: 'person:bentheelder' });

    // The page is resolved: the old button and a new ask are both refused (and audited).
    await paging.resolveOnBehalf(page.id, 'thockin', 'test over', rig.clock.now());
    await h.slack.clickButton({ userId: U.nikhita, source: { messageTs: choices.ts, channelId: choices.channel }, actionId: a.reveal });
    await h.slack.waitFor(() => h.slack.ephemerals(U.nikhita).at(-1)?.text.includes('You may not see'));
    expect(textOf(await rig.command(U.nikhita, 'contact @bentheelder'))).toContain('You may not see');
    expect((await h.bot.audit.list({ action: 'owners.reveal_refused' })).length).toBeGreaterThanOrEqual(4);

    // A lead outside any page: allowed with a stated reason, told to the person.
    const lead = await rig.command(U.dims, 'contact @bentheelder');
    expect(textOf(lead)).toContain('As a lead you may reveal');
    await h.slack.clickButton({ userId: U.dims, source: { messageTs: lead.ts, channelId: lead.channel }, actionId: a.revealAsLead });
    const reasonModal = await h.slack.waitFor(() => h.slack.topView(U.dims));
    const empty = await h.slack.submitView({ userId: U.dims, viewId: reasonModal.id, values: { [b.reason]: { [a.reason]: ' ' } } });
    expect(empty.errors?.[b.reason]).toMatch(/reason/);
    await h.slack.submitView({ userId: U.dims, viewId: reasonModal.id, values: { [b.reason]: { [a.reason]: 'registry <!channel> outage follow-up' } } });
    await h.slack.waitFor(() => h.slack.ephemerals(U.dims).find((m) => textOf(m).includes(PHONE)));
    await h.drain();
    const toldLead = await h.slack.waitFor(() => h.slack.dms(U.bentheelder).find((m) => m.text.includes('<@U0DIMS001> revealed your')));
    expect(toldLead.text).toContain('&lt;!channel&gt;');
    expect(toldLead.text).not.toContain('<!channel>');

    // The no-leak scan: every Slack call, message, HTTP answer, feed and log line of the run.
    const calendars = await Promise.all(h.config.rotations.map(async (r) => (await fetch(`${h.bot.url}/calendar/${r.id}.ics`)).text()));
    const endpoints = await Promise.all(['/healthz', '/readyz', '/metrics'].map(async (p) => (await fetch(`${h.bot.url}${p}`)).text()));
    expect(calendars.join('\n')).toContain('BEGIN:VCALENDAR');
    const leaks = (text: string) => text.includes(PHONE) || text.includes('5550001234') || text.includes(ALT);
    const messages = everyMessage(h.slack).filter((m) => leaks(m.json));
    expect(messages.map((m) => m.ephemeralFor).sort()).toEqual([U.dims, U.nikhita]);
    const calls = h.slack.apiCalls.filter((c) => leaks(JSON.stringify(c.args)) || leaks(JSON.stringify(c.response)));
    // The lead's reveal is a chat.postEphemeral to dims (it came from a modal, which has no response_url).
    expect(calls.map((c) => `${c.method}:${String(c.args.user)}`)).toEqual(['chat.postEphemeral:U0DIMS001']);
    expect(h.slack.deliveries.filter((d) => leaks(JSON.stringify(d.body ?? '')))).toEqual([]);
    expect([...calendars, ...endpoints].filter(leaks)).toEqual([]);
    expect(h.bot.logLines.length).toBeGreaterThan(0);
    expect(h.bot.logLines.filter(leaks)).toEqual([]);
    const jobs = await h.bot.store.db.selectFrom('jobs').selectAll().execute();
    expect(JSON.stringify(jobs)).not.toContain('5550001234');
  });
});
