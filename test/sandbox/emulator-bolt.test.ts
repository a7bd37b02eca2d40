import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, BOB, startHarness, type Harness } from './bolt-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('slash commands', () => {
  it('shows the ack body as an ephemeral, and respond(in_channel) as a channel message', async () => {
    let seen: Record<string, unknown> | undefined;
    h.app.command('/k8s-infra', async ({ command, ack, respond }) => {
      seen = command as unknown as Record<string, unknown>;
      await ack({ text: `Looking up ${command.text}…` });
      await respond({ response_type: 'in_channel', text: 'registry.k8s.io is *up*' });
    });
    const r = await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'status registry' });
    expect(r.ok).toBe(true);
    expect(r.status).toBe(200);
    expect(seen).toMatchObject({
      command: '/k8s-infra', text: 'status registry', user_id: ALICE, user_name: 'alice', channel_id: 'C0INFRA',
      channel_name: 'wg-k8s-infra', team_id: 'T0SANDBOX', api_app_id: 'A0SANDBOX', trigger_id: r.triggerId, response_url: r.responseUrl,
    });
    expect(h.emulator.ephemerals(ALICE, 'C0INFRA').map((m) => m.text)).toEqual(['Looking up status registry…']);
    expect(h.emulator.ephemerals(BOB)).toEqual([]);
    const posted = await h.emulator.waitFor(() => h.emulator.messages('wg-k8s-infra')[0]);
    expect(posted).toMatchObject({ text: 'registry.k8s.io is *up*', user: 'U0SANDBOXBOT', bot_id: 'B0SANDBOX' });
    expect(h.emulator.deliveries.at(-1)).toMatchObject({ kind: 'slash_command', status: 200 });
  });

  it('records operation_timeout when the bot does not ack within the budget', async () => {
    await h.close();
    h = await startHarness({ ackTimeoutMs: 200 });
    h.app.command('/k8s-infra', async () => {
      await new Promise((r) => setTimeout(r, 400));
    });
    const r = await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'slow' });
    expect(r).toMatchObject({ ok: false, error: 'operation_timeout', status: null });
    expect(r.ackMs).toBeGreaterThanOrEqual(190);
  });
});

describe('buttons', () => {
  it('sends block_actions with container, message, response_url and the button value', async () => {
    h.app.command('/k8s-infra', async ({ ack, say }) => {
      await ack();
      await say({
        text: 'Page on-call?',
        blocks: [
          { type: 'section', block_id: 'ask', text: { type: 'mrkdwn', text: 'Page *on-call*?' },
            accessory: { type: 'button', action_id: 'page_confirm', text: { type: 'plain_text', text: 'Page' }, value: 'registry' } },
        ],
      });
    });
    let body: Record<string, any> | undefined;
    h.app.action('page_confirm', async ({ ack, body: b, respond }) => {
      await ack();
      body = b as Record<string, any>;
      await respond({ replace_original: true, text: `Paged by <@${b.user.id}>` });
    });
    await h.emulator.sendSlashCommand({ userId: BOB, channelId: 'C0INFRA', text: 'page registry' });
    const msg = await h.emulator.waitFor(() => h.emulator.messages('C0INFRA')[0]);
    const r = await h.emulator.clickButton({ userId: BOB, source: { messageTs: msg.ts, channelId: 'C0INFRA' }, actionId: 'page_confirm' });
    expect(r.ok).toBe(true);
    expect(body).toMatchObject({
      type: 'block_actions', user: { id: BOB, username: 'bob' }, trigger_id: r.triggerId, response_url: r.responseUrl,
      container: { type: 'message', message_ts: msg.ts, channel_id: 'C0INFRA', is_ephemeral: false },
      channel: { id: 'C0INFRA', name: 'wg-k8s-infra' },
      message: { ts: msg.ts, text: 'Page on-call?' },
      actions: [{ action_id: 'page_confirm', block_id: 'ask', value: 'registry', type: 'button', text: { type: 'plain_text', text: 'Page' } }],
    });
    expect(typeof body?.actions[0].action_ts).toBe('string');
    await h.emulator.waitFor(() => h.emulator.messages('C0INFRA')[0]?.text.startsWith('Paged'));
    expect(h.emulator.messages('C0INFRA')).toHaveLength(1);
    expect(h.emulator.messages('C0INFRA')[0]).toMatchObject({ ts: msg.ts, text: `Paged by <@${BOB}>` });
    expect(h.emulator.messages('C0INFRA')[0]?.blocks).toBeUndefined();
  });

  it('refuses to click what is not there', async () => {
    await expect(h.emulator.clickButton({ userId: BOB, source: { messageTs: '1.000001', channelId: 'C0INFRA' }, actionId: 'x' })).rejects.toThrow(/no message/);
  });
});

describe('modals', () => {
  const modal = {
    type: 'modal' as const,
    callback_id: 'access_request',
    title: { type: 'plain_text' as const, text: 'Request access' },
    submit: { type: 'plain_text' as const, text: 'Request' },
    private_metadata: '{"channel":"C0INFRA"}',
    blocks: [
      { type: 'input', block_id: 'group', label: { type: 'plain_text', text: 'Group' },
        element: { type: 'static_select', action_id: 'pick', options: [
          { text: { type: 'plain_text', text: 'k8s-infra-gcp-auditors' }, value: 'auditors' },
          { text: { type: 'plain_text', text: 'k8s-infra-prow-oncall' }, value: 'prow-oncall' },
        ] } },
      { type: 'input', block_id: 'why', label: { type: 'plain_text', text: 'Why' }, element: { type: 'plain_text_input', action_id: 'text', multiline: true } },
      { type: 'input', block_id: 'sponsor', label: { type: 'plain_text', text: 'Sponsor' }, element: { type: 'users_select', action_id: 'user' } },
      { type: 'input', block_id: 'until', label: { type: 'plain_text', text: 'Until' }, optional: true, element: { type: 'datepicker', action_id: 'date' } },
      { type: 'input', block_id: 'at', label: { type: 'plain_text', text: 'At' }, optional: true, element: { type: 'timepicker', action_id: 'time' } },
      { type: 'input', block_id: 'ack', label: { type: 'plain_text', text: 'Terms' }, optional: true,
        element: { type: 'checkboxes', action_id: 'boxes', options: [{ text: { type: 'plain_text', text: 'I agree' }, value: 'agree' }] } },
      { type: 'input', block_id: 'project', label: { type: 'plain_text', text: 'GCP project' }, optional: true,
        element: { type: 'external_select', action_id: 'project_search', min_query_length: 2 } },
    ],
  };

  it('opens with the trigger, returns errors inline, then closes on a good submit', async () => {
    h.app.command('/k8s-infra', async ({ ack, client, body }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal as never });
    });
    h.app.options('project_search', async ({ ack, body }) => {
      await ack({ options: [{ text: { type: 'plain_text', text: `k8s-infra-${body.value}` }, value: `k8s-infra-${body.value}` }] });
    });
    const submissions: Record<string, any>[] = [];
    h.app.view('access_request', async ({ ack, view }) => {
      submissions.push(view as Record<string, any>);
      const why = view.state.values.why?.text?.value ?? '';
      if (why.length < 10) await ack({ response_action: 'errors', errors: { why: 'Say a bit more (10+ characters).' } });
      else await ack();
    });

    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'access' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    expect(view).toMatchObject({ type: 'modal', callback_id: 'access_request', private_metadata: '{"channel":"C0INFRA"}', root_view_id: view.id });

    // The Slack client itself refuses an empty required field; nothing reaches the bot.
    const empty = await h.emulator.submitView({ userId: ALICE, viewId: view.id, values: {} });
    expect(empty).toMatchObject({ ok: false, error: 'client_validation' });
    expect(Object.keys(empty.errors ?? {}).sort()).toEqual(['group', 'sponsor', 'why']);
    expect(submissions).toHaveLength(0);

    const options = await h.emulator.requestOptions({ userId: ALICE, source: { viewId: view.id }, actionId: 'project_search', value: 'boskos' });
    expect(options.options).toEqual([{ text: { type: 'plain_text', text: 'k8s-infra-boskos' }, value: 'k8s-infra-boskos' }]);

    const values = {
      group: { pick: 'auditors' }, why: { text: 'audit' }, sponsor: { user: BOB },
      until: { date: '2026-04-01' }, at: { time: '09:30' }, ack: { boxes: ['agree'] }, project: { project_search: 'k8s-infra-boskos' },
    };
    const bad = await h.emulator.submitView({ userId: ALICE, viewId: view.id, values });
    expect(bad).toMatchObject({ ok: true, responseAction: 'errors', errors: { why: 'Say a bit more (10+ characters).' } });
    expect(h.emulator.openViews(ALICE).map((v) => v.id)).toEqual([view.id]);
    expect(h.emulator.viewErrors(view.id)).toEqual({ why: 'Say a bit more (10+ characters).' });
    expect(submissions[0]?.state.values).toEqual({
      group: { pick: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'k8s-infra-gcp-auditors' }, value: 'auditors' } } },
      why: { text: { type: 'plain_text_input', value: 'audit' } },
      sponsor: { user: { type: 'users_select', selected_user: BOB } },
      until: { date: { type: 'datepicker', selected_date: '2026-04-01' } },
      at: { time: { type: 'timepicker', selected_time: '09:30' } },
      ack: { boxes: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'I agree' }, value: 'agree' }] } },
      project: { project_search: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: 'k8s-infra-boskos' }, value: 'k8s-infra-boskos' } } },
    });

    const good = await h.emulator.submitView({ userId: ALICE, viewId: view.id, values: { why: { text: 'quarterly billing audit' } } });
    expect(good.ok).toBe(true);
    expect(good.view).toBeUndefined();
    expect(h.emulator.openViews(ALICE)).toEqual([]);
    // Earlier entries stay in state, as in Slack.
    expect(submissions[1]?.state.values.group.pick.selected_option.value).toBe('auditors');
    expect(submissions[1]).toMatchObject({ id: view.id, callback_id: 'access_request', private_metadata: '{"channel":"C0INFRA"}' });
  });

  it('handles response_action update, push and clear', async () => {
    const simple = (cb: string, title: string) => ({
      type: 'modal' as const, callback_id: cb, title: { type: 'plain_text' as const, text: title }, submit: { type: 'plain_text' as const, text: 'Next' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }],
    });
    h.app.command('/k8s-infra', async ({ ack, client, body }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: simple('step', 'Step 1') });
    });
    let n = 1;
    h.app.view('step', async ({ ack }) => {
      n += 1;
      if (n === 2) await ack({ response_action: 'update', view: simple('step', 'Step 2') });
      else if (n === 3) await ack({ response_action: 'push', view: simple('step', 'Step 3') });
      else await ack({ response_action: 'clear' });
    });
    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'wizard' });
    const first = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    const updated = await h.emulator.submitView({ userId: ALICE, viewId: first.id });
    expect(updated.view).toMatchObject({ id: first.id, title: { text: 'Step 2' } });
    expect(updated.view?.hash).not.toBe(first.hash);
    const pushed = await h.emulator.submitView({ userId: ALICE, viewId: first.id });
    expect(pushed.view).toMatchObject({ title: { text: 'Step 3' }, previous_view_id: first.id, root_view_id: first.id });
    expect(h.emulator.openViews(ALICE)).toHaveLength(2);
    const cleared = await h.emulator.submitView({ userId: ALICE, viewId: pushed.view?.id ?? '' });
    expect(cleared).toMatchObject({ ok: true, responseAction: 'clear' });
    expect(h.emulator.openViews(ALICE)).toEqual([]);
  });

  it('rejects response_action errors naming blocks that are not inputs', async () => {
    h.app.command('/k8s-infra', async ({ ack, client, body }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal as never });
    });
    h.app.view('access_request', async ({ ack }) => {
      await ack({ response_action: 'errors', errors: { nope: 'bad' } });
    });
    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'access' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    const r = await h.emulator.submitView({ userId: ALICE, viewId: view.id, values: { group: { pick: 'auditors' }, why: { text: 'long enough reason' }, sponsor: { user: BOB } } });
    expect(r).toMatchObject({ ok: false, error: 'invalid_response_action' });
  });

  it('sends view_closed when notify_on_close is set', async () => {
    h.app.command('/k8s-infra', async ({ ack, client, body }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: { ...modal, notify_on_close: true } as never });
    });
    let closed: Record<string, any> | undefined;
    h.app.view({ callback_id: 'access_request', type: 'view_closed' }, async ({ ack, body }) => {
      await ack();
      closed = body as Record<string, any>;
    });
    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'access' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    const r = await h.emulator.closeView({ userId: ALICE, viewId: view.id });
    expect(r.ok).toBe(true);
    expect(closed).toMatchObject({ type: 'view_closed', is_cleared: false, view: { id: view.id } });
    expect(h.emulator.openViews(ALICE)).toEqual([]);
  });
});

describe('events', () => {
  it('delivers event_callback envelopes, with Slack retry headers when asked', async () => {
    const got: { text: string; retryNum?: number; retryReason?: string }[] = [];
    h.app.event('app_mention', async ({ event, context }) => {
      got.push({ text: event.text, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const first = await h.emulator.postUserMessage({ userId: ALICE, channelId: 'C0INFRA', text: `<@U0SANDBOXBOT> oncall` });
    expect(first.deliveries.map((d) => d.ok)).toEqual([true]);
    const again = await h.emulator.sendEvent({}, { eventId: first.deliveries[0]?.eventId, retryNum: 1, retryReason: 'http_timeout' });
    expect(again.ok).toBe(true);
    expect(got).toEqual([
      { text: '<@U0SANDBOXBOT> oncall', retryNum: undefined, retryReason: undefined },
      { text: '<@U0SANDBOXBOT> oncall', retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('opens the Home tab: app_home_opened, then views.publish', async () => {
    h.app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'On call now' } }] } });
    });
    await h.emulator.openHome(BOB);
    const home = await h.emulator.waitFor(() => h.emulator.homeView(BOB));
    expect(home.blocks[0]).toMatchObject({ type: 'header', text: { text: 'On call now' } });
  });
});

describe('signatures, verified by Bolt', () => {
  const body = 'token=x&team_id=T0SANDBOX&user_id=U0ALICE&command=%2Fk8s-infra&text=help&channel_id=C0INFRA&trigger_id=1.2.3&response_url=http%3A%2F%2Fx';

  it('accepts a good signature and rejects a tampered or stale one with 401', async () => {
    h.app.command('/k8s-infra', async ({ ack }) => {
      await ack();
    });
    expect((await h.emulator.sendRaw(body)).status).toBe(200);
    const tampered = await h.emulator.sendRaw(body, { signature: 'v0=' + '0'.repeat(64) });
    expect(tampered.status).toBe(401);
    const stale = await h.emulator.sendRaw(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
  });
});

describe('selects and event retries', () => {
  it('a select in an input block only changes state, unless dispatch_action is set', async () => {
    h.app.command('/k8s-infra', async ({ ack, client, body }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: {
        type: 'modal', callback_id: 'sel', title: { type: 'plain_text', text: 'Pick' }, submit: { type: 'plain_text', text: 'OK' },
        blocks: [
          { type: 'input', block_id: 'quiet', label: { type: 'plain_text', text: 'Quiet' }, element: { type: 'static_select', action_id: 'q', options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }] } },
          { type: 'input', block_id: 'loud', dispatch_action: true, label: { type: 'plain_text', text: 'Loud' }, element: { type: 'users_select', action_id: 'l' } },
        ],
      } });
    });
    const actions: Record<string, any>[] = [];
    h.app.action('l', async ({ ack, body }) => {
      await ack();
      actions.push(body as Record<string, any>);
    });
    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'pick' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    const quiet = await h.emulator.selectOption({ userId: ALICE, source: { viewId: view.id }, actionId: 'q', value: 'a' });
    expect(quiet).toMatchObject({ ok: true, sent: false });
    const loud = await h.emulator.selectOption({ userId: ALICE, source: { viewId: view.id }, actionId: 'l', value: BOB });
    expect(loud).toMatchObject({ ok: true, sent: true });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      container: { type: 'view', view_id: view.id },
      actions: [{ type: 'users_select', action_id: 'l', block_id: 'loud', selected_user: BOB }],
      view: { id: view.id, state: { values: { quiet: { q: { selected_option: { value: 'a' } } }, loud: { l: { selected_user: BOB } } } } },
    });
  });

  it('retries an unanswered event 3 times with X-Slack-Retry-Num, like Slack', async () => {
    h.emulator.setBotUrl('http://127.0.0.1:9/slack/events');
    const r = await h.emulator.sendEvent({ type: 'app_mention', user: ALICE, text: 'hi', channel: 'C0INFRA', ts: '1.000001' }, { retries: true });
    expect(r).toMatchObject({ ok: false, error: 'connection_error' });
    expect(h.emulator.deliveries.filter((d) => d.kind === 'event_callback')).toHaveLength(4);
  });
});
