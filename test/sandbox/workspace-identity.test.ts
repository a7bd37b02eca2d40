import { afterEach, describe, expect, it } from 'vitest';
import type { SlackEmulatorOptions } from '../../src/sandbox/emulator.ts';
import { ALICE, BOB, startHarness, type Harness } from './bolt-harness.ts';

/**
 * Every payload the emulator sends names its workspace where Slack does, and a person can come
 * from another workspace or organisation (Slack Connect), so a bot's team checks can be tested.
 */

const STRANGER = 'U0STRANGER';
let h: Harness;
afterEach(async () => {
  await h.close();
});

type Body = Record<string, any>;

/** A bot that opens a modal with a button and an external select, and records every body it gets. */
async function start(options: Partial<SlackEmulatorOptions> = {}): Promise<Body[]> {
  h = await startHarness(options);
  h.emulator.addUser({ id: STRANGER, name: 'stranger', team_id: 'T0OTHERORG', team_domain: 'other-org', enterprise_id: 'E0OTHERORG', enterprise_name: 'Other Org' });
  const seen: Body[] = [];
  const modal = {
    type: 'modal', callback_id: 'm', notify_on_close: true, title: { type: 'plain_text', text: 'M' }, submit: { type: 'plain_text', text: 'OK' },
    blocks: [{ type: 'input', block_id: 'p', optional: true, label: { type: 'plain_text', text: 'P' }, element: { type: 'external_select', action_id: 'pick' } }],
  };
  h.app.command('/k8s-infra', async ({ ack, body, client, context }) => {
    await ack();
    seen.push({ kind: 'command', body, context: { teamId: context.teamId, enterpriseId: context.enterpriseId } });
    if (body.text === 'modal') await client.views.open({ trigger_id: body.trigger_id, view: modal as never });
    else await client.chat.postMessage({ channel: body.channel_id, text: 'Ack?', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'ack', text: { type: 'plain_text', text: 'Ack' } }] }] });
  });
  h.app.action('ack', async ({ ack, body, context }) => {
    await ack();
    seen.push({ kind: 'action', body, context: { teamId: context.teamId, enterpriseId: context.enterpriseId } });
  });
  h.app.options('pick', async ({ ack, body }) => {
    seen.push({ kind: 'options', body });
    await ack({ options: [] });
  });
  h.app.view('m', async ({ ack, body }) => {
    await ack();
    seen.push({ kind: 'submission', body });
  });
  h.app.view({ callback_id: 'm', type: 'view_closed' }, async ({ ack, body }) => {
    await ack();
    seen.push({ kind: 'closed', body });
  });
  h.app.event('app_mention', async ({ body, event, context }) => {
    seen.push({ kind: 'event', body, event, context: { teamId: context.teamId, isExtShared: body.is_ext_shared_channel } });
  });
  return seen;
}

const find = (seen: Body[], kind: string) => {
  const found = seen.filter((s) => s.kind === kind).at(-1);
  if (!found) throw new Error(`no ${kind}`);
  return found;
};

async function clickAck(seen: Body[], userId: string, extra: Record<string, unknown> = {}) {
  await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'post' });
  const msg = await h.emulator.waitFor(() => h.emulator.messages('C0INFRA').at(-1));
  const r = await h.emulator.clickButton({ userId, source: { channelId: 'C0INFRA', messageTs: msg.ts }, actionId: 'ack', ...extra });
  expect(r.ok).toBe(true);
  return find(seen, 'action');
}

describe('the emulator\'s own workspace', () => {
  it('puts its team id in commands, clicks, suggestions, submissions, closes and events', async () => {
    const seen = await start({ teamId: 'T0K8SINFRA' });
    expect(h.emulator.teamId).toBe('T0K8SINFRA');
    expect((await h.app.client.auth.test()).team_id).toBe('T0K8SINFRA');
    expect((await h.app.client.users.info({ user: ALICE })).user).toMatchObject({ team_id: 'T0K8SINFRA', profile: { team: 'T0K8SINFRA' } });

    const action = await clickAck(seen, BOB);
    expect(find(seen, 'command').body).toMatchObject({ team_id: 'T0K8SINFRA', team_domain: 'k8s-infra-sandbox', is_enterprise_install: 'false' });
    expect(find(seen, 'command').body.enterprise_id).toBeUndefined();
    expect(action.body).toMatchObject({
      team: { id: 'T0K8SINFRA', domain: 'k8s-infra-sandbox' }, user: { id: BOB, team_id: 'T0K8SINFRA' },
      enterprise: null, is_enterprise_install: false, message: { team: 'T0K8SINFRA' },
    });
    expect(action.context).toEqual({ teamId: 'T0K8SINFRA', enterpriseId: undefined });

    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'modal' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    expect(view).toMatchObject({ team_id: 'T0K8SINFRA', app_installed_team_id: 'T0K8SINFRA' });
    await h.emulator.requestOptions({ userId: ALICE, source: { viewId: view.id }, actionId: 'pick', value: 'ab' });
    expect(find(seen, 'options').body).toMatchObject({ team: { id: 'T0K8SINFRA' }, user: { team_id: 'T0K8SINFRA' }, view: { team_id: 'T0K8SINFRA' }, is_enterprise_install: false });
    await h.emulator.submitView({ userId: ALICE, viewId: view.id });
    expect(find(seen, 'submission').body).toMatchObject({
      team: { id: 'T0K8SINFRA' }, user: { team_id: 'T0K8SINFRA' }, enterprise: null, is_enterprise_install: false,
      view: { team_id: 'T0K8SINFRA', app_installed_team_id: 'T0K8SINFRA' },
    });

    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'modal' });
    const again = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    await h.emulator.closeView({ userId: ALICE, viewId: again.id });
    expect(find(seen, 'closed').body).toMatchObject({ type: 'view_closed', team: { id: 'T0K8SINFRA' }, user: { team_id: 'T0K8SINFRA' }, is_enterprise_install: false });

    await h.emulator.postUserMessage({ userId: ALICE, channelId: 'C0INFRA', text: '<@U0SANDBOXBOT> hi' });
    const event = find(seen, 'event');
    expect(event.body).toMatchObject({
      team_id: 'T0K8SINFRA', context_team_id: 'T0K8SINFRA', context_enterprise_id: null, is_ext_shared_channel: false,
      authorizations: [{ team_id: 'T0K8SINFRA', enterprise_id: null, user_id: 'U0SANDBOXBOT', is_bot: true, is_enterprise_install: false }],
    });
    expect(event.event).toMatchObject({ team: 'T0K8SINFRA', user: ALICE });
    expect(event.event.user_team).toBeUndefined();
  });

  it('carries the enterprise when the workspace is in an Enterprise Grid organisation', async () => {
    const seen = await start({ teamId: 'T0K8SINFRA', enterpriseId: 'E0CNCF', enterpriseName: 'CNCF' });
    expect(h.emulator.enterpriseId).toBe('E0CNCF');
    const action = await clickAck(seen, BOB);
    expect(find(seen, 'command').body).toMatchObject({ team_id: 'T0K8SINFRA', enterprise_id: 'E0CNCF', enterprise_name: 'CNCF' });
    expect(find(seen, 'command').context).toEqual({ teamId: 'T0K8SINFRA', enterpriseId: 'E0CNCF' });
    // Slack's payload reference: under Enterprise Grid, user.team_id reports the organisation's id.
    expect(action.body).toMatchObject({
      team: { id: 'T0K8SINFRA', enterprise_id: 'E0CNCF', enterprise_name: 'CNCF' }, user: { team_id: 'E0CNCF' },
      enterprise: { id: 'E0CNCF', name: 'CNCF' }, is_enterprise_install: false,
    });
    expect(action.context).toEqual({ teamId: 'T0K8SINFRA', enterpriseId: 'E0CNCF' });
    await h.emulator.postUserMessage({ userId: ALICE, channelId: 'C0INFRA', text: '<@U0SANDBOXBOT> hi' });
    expect(find(seen, 'event').body).toMatchObject({
      team_id: 'T0K8SINFRA', enterprise_id: 'E0CNCF', context_enterprise_id: 'E0CNCF', authorizations: [{ enterprise_id: 'E0CNCF', team_id: 'T0K8SINFRA' }],
    });
  });
});

describe('a person from another workspace (Slack Connect)', () => {
  it('a seeded stranger clicks, writes and is described with their own team', async () => {
    const seen = await start({ teamId: 'T0K8SINFRA' });
    const action = await clickAck(seen, STRANGER);
    expect(action.body).toMatchObject({
      team: { id: 'T0OTHERORG', domain: 'other-org', enterprise_id: 'E0OTHERORG' }, user: { id: STRANGER, team_id: 'E0OTHERORG' },
      enterprise: { id: 'E0OTHERORG', name: 'Other Org' }, is_enterprise_install: false,
      // The message was written in our workspace, by our bot.
      message: { team: 'T0K8SINFRA' },
    });
    expect((await h.app.client.users.info({ user: STRANGER })).user).toMatchObject({ team_id: 'T0OTHERORG', profile: { team: 'T0OTHERORG' } });

    const { message } = await h.emulator.postUserMessage({ userId: STRANGER, channelId: 'C0INFRA', text: '<@U0SANDBOXBOT> hello from outside' });
    const event = find(seen, 'event');
    expect(event.body).toMatchObject({ team_id: 'T0K8SINFRA', is_ext_shared_channel: true, authorizations: [{ team_id: 'T0K8SINFRA' }] });
    expect(event.event).toMatchObject({ team: 'T0OTHERORG', user_team: 'T0OTHERORG', source_team: 'T0OTHERORG', user: STRANGER });
    // Bolt authorises events by the installation in `authorizations`, not by the author's team.
    expect(event.context.teamId).toBe('T0K8SINFRA');
    const history = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 1 });
    expect(history.messages?.[0]).toMatchObject({ ts: message.ts, team: 'T0OTHERORG' });
  });

  it('a per-call fromTeam makes any click, command or submission come from another workspace', async () => {
    const seen = await start({ teamId: 'T0K8SINFRA' });
    const action = await clickAck(seen, BOB, { fromTeam: { id: 'T0ELSEWHERE' } });
    expect(action.body).toMatchObject({ team: { id: 'T0ELSEWHERE', domain: 't0elsewhere' }, user: { id: BOB, team_id: 'T0ELSEWHERE' }, enterprise: null });
    expect(action.context.teamId).toBe('T0ELSEWHERE');

    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'modal', fromTeam: { id: 'T0ELSEWHERE', enterpriseId: 'E0ELSE' } });
    expect(find(seen, 'command').body).toMatchObject({ team_id: 'T0ELSEWHERE', enterprise_id: 'E0ELSE' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    await h.emulator.submitView({ userId: ALICE, viewId: view.id, fromTeam: { id: 'T0ELSEWHERE' } });
    expect(find(seen, 'submission').body).toMatchObject({
      team: { id: 'T0ELSEWHERE' }, user: { team_id: 'T0ELSEWHERE' }, view: { team_id: 'T0ELSEWHERE', app_installed_team_id: 'T0K8SINFRA' },
    });
    expect(h.emulator.payloadIdentity(BOB, { id: 'T0ELSEWHERE' })).toMatchObject({
      token: expect.any(String), api_app_id: 'A0SANDBOX', team: { id: 'T0ELSEWHERE' }, user: { id: BOB, team_id: 'T0ELSEWHERE' }, enterprise: null, is_enterprise_install: false,
    });
  });

  it('sendEvent can mark a shared channel and rewrite the envelope (an event for another installation)', async () => {
    await start({ teamId: 'T0K8SINFRA' });
    const bodies: Body[] = [];
    h.app.event('reaction_added', async ({ body }) => {
      bodies.push(body);
    });
    await h.emulator.sendEvent({ type: 'reaction_added', user: ALICE, reaction: 'eyes', item: { type: 'message', channel: 'C0INFRA', ts: '1.000001' } }, {
      extShared: true, envelope: { team_id: 'T0SOMEONEELSE', authorizations: undefined },
    });
    expect(bodies[0]).toMatchObject({ team_id: 'T0SOMEONEELSE', is_ext_shared_channel: true });
    expect(bodies[0]).not.toHaveProperty('authorizations');
  });
});
