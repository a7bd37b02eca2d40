import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, BOB, BOT_TOKEN, startHarness, type Harness } from './bolt-harness.ts';

let h: Harness;
let client: WebClient;
beforeEach(async () => {
  h = await startHarness();
  client = h.app.client;
});
afterEach(async () => {
  await h.close();
});

async function call(method: string, body: Record<string, unknown>, token: string | null = BOT_TOKEN): Promise<Record<string, unknown>> {
  const res = await fetch(h.emulator.apiUrl + method, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('auth and dispatch', () => {
  it('answers auth.test with the bot identity', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'U0SANDBOXBOT', bot_id: 'B0SANDBOX', team_id: 'T0SANDBOX' });
  });

  it('requires the bot token, knows only its methods, and reports missing arguments as Slack does', async () => {
    expect(await call('auth.test', {}, null)).toEqual({ ok: false, error: 'not_authed' });
    expect(await call('auth.test', {}, 'xoxb-wrong')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await call('chat.scheduleMessage', {})).toEqual({ ok: false, error: 'unknown_method', req_method: 'chat.scheduleMessage' });
    expect(await call('chat.postMessage', { text: 'x' })).toEqual({ ok: false, error: 'channel_not_found' });
    expect(await call('chat.postEphemeral', { channel: 'C0INFRA', text: 'x' })).toEqual({ ok: false, error: 'user_not_found' });
    expect(await call('views.open', { view: {} })).toEqual({
      ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] },
    });
    expect(await call('users.info', {})).toEqual({ ok: false, error: 'user_not_found' });
    expect(await call('conversations.create', {})).toEqual({ ok: false, error: 'invalid_name_required' });
    expect(await call('usergroups.users.update', { usergroup: 'S1' })).toMatchObject({ error: 'no_users_provided' });
  });

  it('accepts the token as a form field too, and GET with query parameters', async () => {
    const form = await fetch(h.emulator.apiUrl + 'auth.test', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `token=${BOT_TOKEN}`,
    });
    expect(await form.json()).toMatchObject({ ok: true });
    const get = await fetch(`${h.emulator.apiUrl}users.info?user=${ALICE}`, { headers: { Authorization: `Bearer ${BOT_TOKEN}` } });
    expect(await get.json()).toMatchObject({ ok: true, user: { id: ALICE } });
  });
});

describe('users', () => {
  it('users.info carries tz, tz_label, tz_offset (at the emulator clock) and profile.email', async () => {
    const r = await client.users.info({ user: BOB });
    // 2026-03-02 is winter in Los Angeles: PST, UTC-8.
    expect(r.user).toMatchObject({
      id: BOB, name: 'bob', real_name: 'Bob Builder', tz: 'America/Los_Angeles', tz_label: 'Pacific Standard Time',
      tz_offset: -8 * 3600, is_bot: false, profile: { email: 'bob@example.org' },
    });
    h.clock.set('2026-07-01T12:00:00Z');
    expect((await client.users.info({ user: BOB })).user).toMatchObject({ tz_label: 'Pacific Daylight Time', tz_offset: -7 * 3600 });
    expect((await client.users.info({ user: ALICE })).user).toMatchObject({ tz: 'Europe/Berlin', tz_offset: 2 * 3600 });
  });

  it('users.lookupByEmail finds people regardless of case', async () => {
    expect((await client.users.lookupByEmail({ email: 'ALICE@example.org' })).user?.id).toBe(ALICE);
    await expect(client.users.lookupByEmail({ email: 'nobody@example.org' })).rejects.toMatchObject({ data: { error: 'users_not_found' } });
  });
});

describe('conversations', () => {
  it('creates, invites, joins, lists and describes channels', async () => {
    const created = await client.conversations.create({ name: 'incident-2026-03-02-registry', is_private: true });
    const id = created.channel?.id ?? '';
    expect(created.channel).toMatchObject({ name: 'incident-2026-03-02-registry', is_private: true, is_member: true });
    await expect(client.conversations.create({ name: 'incident-2026-03-02-registry' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
    await expect(client.conversations.create({ name: 'Has Spaces' })).rejects.toMatchObject({ data: { error: 'invalid_name_specials' } });
    await client.conversations.invite({ channel: id, users: `${ALICE},${BOB}` });
    expect(h.emulator.channel(id)?.members.sort()).toEqual([ALICE, BOB, 'U0SANDBOXBOT'].sort());
    await expect(client.conversations.invite({ channel: id, users: ALICE })).rejects.toMatchObject({ data: { error: 'already_in_channel' } });
    await expect(client.conversations.invite({ channel: id, users: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    expect((await client.conversations.join({ channel: 'C0OTHER' })).channel).toMatchObject({ id: 'C0OTHER', is_member: true });
    await expect(client.conversations.join({ channel: id })).rejects.toMatchObject({ data: { error: 'method_not_supported_for_channel_type' } });
    expect((await client.conversations.info({ channel: 'C0INFRA' })).channel).toMatchObject({ name: 'wg-k8s-infra', is_private: false });
    const publics = await client.conversations.list({});
    expect(publics.channels?.map((c) => c.name).sort()).toEqual(['random', 'wg-k8s-infra']);
    const privates = await client.conversations.list({ types: 'private_channel' });
    expect(privates.channels?.map((c) => c.name).sort()).toEqual(['incident-2026-03-02-registry', 'k8s-infra-leads']);
    const page = await client.conversations.list({ types: 'public_channel,private_channel', limit: 3 });
    expect(page.channels).toHaveLength(3);
    const rest = await client.conversations.list({ types: 'public_channel,private_channel', limit: 3, cursor: page.response_metadata?.next_cursor ?? '' });
    expect(rest.channels).toHaveLength(1);
  });

  it('opens a DM per person, and chat.postMessage to a user id lands there', async () => {
    const dm = await client.conversations.open({ users: ALICE });
    const id = dm.channel?.id ?? '';
    expect(id).toMatch(/^D/);
    expect((await client.conversations.open({ users: ALICE })).channel?.id).toBe(id);
    expect((await client.conversations.open({ users: BOB })).channel?.id).not.toBe(id);
    await client.chat.postMessage({ channel: ALICE, text: 'You are on call from 09:00' });
    expect(h.emulator.dms(ALICE).map((m) => [m.channel, m.text])).toEqual([[id, 'You are on call from 09:00']]);
  });

  it('keeps threads, history and replies like Slack', async () => {
    const parent = await client.chat.postMessage({ channel: 'C0INFRA', text: 'Incident: registry 5xx' });
    const ts = parent.ts ?? '';
    const reply = await client.chat.postMessage({ channel: 'C0INFRA', text: 'Paged alice', thread_ts: ts });
    // A reply to a reply joins the same thread.
    await client.chat.postMessage({ channel: 'C0INFRA', text: 'Mitigated', thread_ts: reply.ts ?? '', reply_broadcast: true });
    await expect(client.chat.postMessage({ channel: 'C0INFRA', text: 'x', thread_ts: '1.000000' })).rejects.toMatchObject({ data: { error: 'thread_not_found' } });
    const history = await client.conversations.history({ channel: 'C0INFRA' });
    expect(history.messages?.map((m) => m.text)).toEqual(['Mitigated', 'Incident: registry 5xx']);
    expect(history.messages?.[1]).toMatchObject({ reply_count: 2, thread_ts: ts, reply_users: ['U0SANDBOXBOT'] });
    const replies = await client.conversations.replies({ channel: 'C0INFRA', ts });
    expect(replies.messages?.map((m) => m.text)).toEqual(['Incident: registry 5xx', 'Paged alice', 'Mitigated']);
    await expect(client.conversations.history({ channel: 'C0OTHER' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });
});

describe('chat', () => {
  it('updates, deletes and links only the bot\'s own messages', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0INFRA', text: 'Status: degraded' });
    const ts = posted.ts ?? '';
    const updated = await client.chat.update({ channel: 'C0INFRA', ts, text: 'Status: ok' });
    expect(updated).toMatchObject({ ok: true, ts, text: 'Status: ok' });
    expect(h.emulator.messages('C0INFRA')[0]?.edited?.user).toBe('U0SANDBOXBOT');
    const link = await client.chat.getPermalink({ channel: 'C0INFRA', message_ts: ts });
    expect(link.permalink).toBe(`https://k8s-infra-sandbox.slack.com/archives/C0INFRA/p${ts.replace('.', '')}`);
    const { message } = await h.emulator.postUserMessage({ userId: ALICE, channelId: 'C0INFRA', text: 'thanks' });
    await expect(client.chat.update({ channel: 'C0INFRA', ts: message.ts, text: 'x' })).rejects.toMatchObject({ data: { error: 'cant_update_message' } });
    await expect(client.chat.delete({ channel: 'C0INFRA', ts: message.ts })).rejects.toMatchObject({ data: { error: 'cant_delete_message' } });
    await client.chat.delete({ channel: 'C0INFRA', ts });
    await expect(client.chat.update({ channel: 'C0INFRA', ts, text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    expect(h.emulator.messages('C0INFRA').map((m) => m.text)).toEqual(['thanks']);
  });

  it('posts ephemerals only to members of the conversation', async () => {
    const r = await client.chat.postEphemeral({ channel: 'G0LEADS', user: ALICE, text: 'Only you can see this phone number' });
    expect(h.emulator.ephemerals(ALICE, 'G0LEADS')).toMatchObject([{ ts: r.message_ts, text: 'Only you can see this phone number' }]);
    expect(h.emulator.messages('G0LEADS')).toEqual([]);
    await expect(client.chat.postEphemeral({ channel: 'G0LEADS', user: BOB, text: 'x' })).rejects.toMatchObject({ data: { error: 'user_not_in_channel' } });
  });

  it('pins and reacts', async () => {
    const ts = (await client.chat.postMessage({ channel: 'C0INFRA', text: 'Decision: move to registry.k8s.io' })).ts ?? '';
    await client.pins.add({ channel: 'C0INFRA', timestamp: ts });
    await expect(client.pins.add({ channel: 'C0INFRA', timestamp: ts })).rejects.toMatchObject({ data: { error: 'already_pinned' } });
    expect(h.emulator.pins('C0INFRA').map((m) => m.ts)).toEqual([ts]);
    await client.reactions.add({ channel: 'C0INFRA', timestamp: ts, name: 'white_check_mark' });
    await expect(client.reactions.add({ channel: 'C0INFRA', timestamp: ts, name: 'white_check_mark' })).rejects.toMatchObject({ data: { error: 'already_reacted' } });
    await expect(client.reactions.add({ channel: 'C0INFRA', timestamp: '1.000000', name: 'eyes' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
    expect(h.emulator.messages('C0INFRA')[0]?.reactions).toEqual([{ name: 'white_check_mark', users: ['U0SANDBOXBOT'], count: 1 }]);
  });
});

describe('usergroups', () => {
  it('creates, fills and lists user groups', async () => {
    const created = await client.usergroups.create({ name: 'k8s-infra on-call', handle: 'k8s-infra-oncall' });
    const id = created.usergroup?.id ?? '';
    expect(id).toMatch(/^S/);
    await expect(client.usergroups.create({ name: 'k8s-infra on-call' })).rejects.toMatchObject({ data: { error: 'name_already_exists' } });
    await client.usergroups.users.update({ usergroup: id, users: `${ALICE},${BOB}` });
    await expect(client.usergroups.users.update({ usergroup: id, users: 'U0NOBODY' })).rejects.toMatchObject({ data: { error: 'invalid_users' } });
    await expect(client.usergroups.users.update({ usergroup: 'S0NOPE', users: ALICE })).rejects.toMatchObject({ data: { error: 'no_such_subteam' } });
    const listed = await client.usergroups.list({ include_users: true });
    expect(listed.usergroups).toMatchObject([{ id, handle: 'k8s-infra-oncall', users: [ALICE, BOB], user_count: 2 }]);
    expect((await client.usergroups.list({})).usergroups?.[0]).not.toHaveProperty('users');
  });
});
