import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxRouter } from '../../src/sandbox/sandbox-page.ts';
import { ALICE, BOB, startHarness, type Harness } from './bolt-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.web.use('/sandbox', createSandboxRouter(h.emulator, { people: [{ id: ALICE }, { id: BOB }] }));
});
afterEach(async () => {
  await h.close();
});

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${h.baseUrl}/sandbox/api/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const state = async (as: string, channel = 'C0INFRA') =>
  (await (await fetch(`${h.baseUrl}/sandbox/api/state?as=${as}&channel=${channel}`)).json()) as Record<string, any>;

describe('sandbox page', () => {
  it('serves one self-contained HTML page with the elements the browser test uses', async () => {
    const res = await fetch(`${h.baseUrl}/sandbox`);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const id of ['id="command"', 'id="send"', 'id="modal"', 'id="messages"', 'id="as"', 'id="channels"', 'id="modal-submit"']) {
      expect(html).toContain(id);
    }
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)/); // no CDN, no external assets
  });

  it('runs a slash command as the chosen person; the ephemeral answer shows only to them', async () => {
    h.app.command('/k8s-infra', async ({ ack, command }) => {
      await ack({ text: `Hi <@${command.user_id}>, try *status*` });
    });
    const r = await post('command', { as: BOB, channel: 'C0INFRA', text: '/k8s-infra help' });
    expect(r.body).toMatchObject({ ok: true, status: 200 });
    const bob = await state(BOB);
    expect(bob.as).toBe(BOB);
    expect(bob.messages).toMatchObject([{ text: `Hi <@${BOB}>, try *status*`, ephemeral: true, is_bot: true }]);
    expect(bob.names.users[BOB]).toBe('bob');
    expect(bob.channels.map((c: { label: string }) => c.label)).toEqual(['#random', '#wg-k8s-infra', 'k8s-infra-bot (DM)']);
    const alice = await state(ALICE);
    expect(alice.messages).toEqual([]);
    expect(alice.channels.map((c: { label: string }) => c.label)).toContain('#k8s-infra-leads (private)');
  });

  it('clicks buttons, opens a modal, shows the bot\'s inline errors, and closes on success', async () => {
    h.app.command('/k8s-infra', async ({ ack, say }) => {
      await ack();
      await say({ text: 'Incident?', blocks: [{ type: 'actions', block_id: 'b', elements: [{ type: 'button', action_id: 'declare', text: { type: 'plain_text', text: 'Declare' } }] }] });
    });
    h.app.action('declare', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({
        trigger_id: (body as { trigger_id: string }).trigger_id,
        view: {
          type: 'modal', callback_id: 'declare', title: { type: 'plain_text', text: 'Declare incident' }, submit: { type: 'plain_text', text: 'Declare' },
          blocks: [{ type: 'input', block_id: 'summary', label: { type: 'plain_text', text: 'Summary' }, element: { type: 'plain_text_input', action_id: 'text' } }],
        },
      });
    });
    h.app.view('declare', async ({ ack, view }) => {
      const text = view.state.values.summary?.text?.value ?? '';
      await ack(text.includes('5xx') ? undefined : { response_action: 'errors', errors: { summary: 'Name the symptom' } });
    });
    await post('command', { as: ALICE, channel: 'C0INFRA', text: '/k8s-infra incident' });
    await h.emulator.waitFor(() => h.emulator.messages('C0INFRA')[0]);
    const message = (await state(ALICE)).messages[0];
    expect(message).toMatchObject({ text: 'Incident?', ephemeral: false, channel: 'C0INFRA' });
    const click = await post('click', { as: ALICE, source: { messageTs: message.ts, channelId: 'C0INFRA' }, actionId: 'declare', blockId: 'b' });
    expect(click.body).toMatchObject({ ok: true, sent: true });
    await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    const open = await state(ALICE);
    expect(open.modal).toMatchObject({ depth: 1, errors: null, view: { callback_id: 'declare', title: { text: 'Declare incident' } } });

    const bad = await post('submit', { as: ALICE, viewId: open.modal.view.id, values: { summary: { text: 'it is broken' } } });
    expect(bad.body).toMatchObject({ ok: true, responseAction: 'errors' });
    const withErrors = await state(ALICE);
    expect(withErrors.modal.errors).toEqual({ summary: 'Name the symptom' });
    // What the person typed stays in the view's state, so the page re-renders it.
    expect(withErrors.modal.view.state.values.summary.text.value).toBe('it is broken');

    const good = await post('submit', { as: ALICE, viewId: open.modal.view.id, values: { summary: { text: 'registry 5xx' } } });
    expect(good.body.ok).toBe(true);
    expect((await state(ALICE)).modal).toBeNull();
  });

  it('answers misuse with 400 and a reason', async () => {
    const r = await post('click', { as: ALICE, source: { nothing: true }, actionId: 'x' });
    expect(r).toMatchObject({ status: 400, body: { ok: false } });
  });
});
