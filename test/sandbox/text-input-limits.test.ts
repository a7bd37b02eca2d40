import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkView } from '../../src/sandbox/block-kit-limits.ts';
import { ALICE, startHarness, type Harness } from './bolt-harness.ts';

/**
 * plain_text_input lengths: Slack refuses a view whose prefilled value does not fit the element
 * (views.open/push/update/publish and response_action update alike) with invalid_arguments and a
 * message pointing at the element, so a bot that forgets to clip a prefilled value fails here.
 */

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.app.command('/k8s-infra', async ({ ack }) => {
    await ack();
  });
});
afterEach(async () => {
  await h.close();
});

async function slackError(call: Promise<unknown>): Promise<{ error: string; messages: string[] }> {
  try {
    await call;
  } catch (e) {
    const data = (e as { data?: { error?: string; response_metadata?: { messages?: string[] } } }).data;
    return { error: data?.error ?? String(e), messages: data?.response_metadata?.messages ?? [] };
  }
  throw new Error('the call succeeded');
}

const input = (element: Record<string, unknown>) => ({
  type: 'input', block_id: 'why', label: { type: 'plain_text', text: 'Why' },
  element: { type: 'plain_text_input', action_id: 'text', ...element },
});
const modal = (element: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  type: 'modal', callback_id: 'ask', title: { type: 'plain_text', text: 'Ask' }, submit: { type: 'plain_text', text: 'Send' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }, input(element)], ...over,
});
const trigger = async () => (await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' })).triggerId;
const at = '/view/blocks/1/element';

describe('plain_text_input lengths in views', () => {
  it('views.open refuses an initial_value longer than max_length, naming the element', async () => {
    const err = await slackError(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ max_length: 10, initial_value: 'x'.repeat(11) }) as never }));
    expect(err).toEqual({ error: 'invalid_arguments', messages: [`[ERROR] must be less than 11 characters [json-pointer:${at}/initial_value]`] });
    expect(h.emulator.openViews(ALICE)).toEqual([]);
    // Exactly max_length fits.
    await expect(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ max_length: 10, initial_value: 'x'.repeat(10) }) as never }))
      .resolves.toMatchObject({ ok: true });
  });

  it('refuses an initial_value over the element cap of 3000 even without max_length, and max_length over 3000', async () => {
    const long = await slackError(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ initial_value: 'x'.repeat(3001) }) as never }));
    expect(long.messages).toEqual([`[ERROR] must be less than 3001 characters [json-pointer:${at}/initial_value]`]);
    const cap = await slackError(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ max_length: 3001 }) as never }));
    expect(cap).toEqual({ error: 'invalid_arguments', messages: [`[ERROR] must be no larger than 3000 [json-pointer:${at}/max_length]`] });
    await expect(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ max_length: 3000, initial_value: 'x'.repeat(3000) }) as never }))
      .resolves.toMatchObject({ ok: true });
  });

  it('refuses an initial_value shorter than min_length, and min_length above max_length', async () => {
    const short = await slackError(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ min_length: 5, initial_value: 'abc' }) as never }));
    expect(short.messages).toEqual([`[ERROR] must be at least 5 characters [json-pointer:${at}/initial_value]`]);
    const crossed = await slackError(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ min_length: 20, max_length: 10 }) as never }));
    expect(crossed.messages).toEqual([`[ERROR] must be no larger than max_length [json-pointer:${at}/min_length]`]);
    expect(checkView(modal({ min_length: 3001 }))).toContain(`[ERROR] must be no larger than 3000 [json-pointer:${at}/min_length]`);
    // An empty initial_value is no value: min_length does not apply to it.
    await expect(h.app.client.views.open({ trigger_id: await trigger(), view: modal({ min_length: 5, initial_value: '' }) as never }))
      .resolves.toMatchObject({ ok: true });
  });

  it('views.push, views.update and views.publish refuse the same', async () => {
    const bad = { max_length: 4, initial_value: 'too long' };
    const opened = await h.app.client.views.open({ trigger_id: await trigger(), view: modal({}) as never });
    expect((await slackError(h.app.client.views.push({ trigger_id: await trigger(), view: modal(bad) as never }))).messages)
      .toEqual([`[ERROR] must be less than 5 characters [json-pointer:${at}/initial_value]`]);
    expect((await slackError(h.app.client.views.update({ view_id: opened.view?.id ?? '', view: modal(bad) as never }))).messages)
      .toEqual([`[ERROR] must be less than 5 characters [json-pointer:${at}/initial_value]`]);
    const home = { type: 'home', blocks: [{ type: 'actions', elements: [{ type: 'plain_text_input', action_id: 'q', ...bad }] }] };
    expect(await slackError(h.app.client.views.publish({ user_id: ALICE, view: home as never })))
      .toEqual({ error: 'invalid_arguments', messages: ['[ERROR] must be less than 5 characters [json-pointer:/view/blocks/0/elements/0/initial_value]'] });
    expect(h.emulator.homeView(ALICE)).toBeUndefined();
    expect(h.emulator.openViews(ALICE)).toHaveLength(1);
  });

  it('a view_submission answered with response_action update is refused the same way', async () => {
    await h.close();
    h = await startHarness();
    h.app.command('/k8s-infra', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal({}) as never });
    });
    h.app.view('ask', async ({ ack }) => {
      await ack({ response_action: 'update', view: modal({ max_length: 3, initial_value: 'four' }) as never });
    });
    await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' });
    const view = await h.emulator.waitFor(() => h.emulator.topView(ALICE));
    const r = await h.emulator.submitView({ userId: ALICE, viewId: view.id, values: { why: { text: 'ok' } } });
    expect(r).toMatchObject({ ok: false, error: 'invalid_arguments', messages: [`[ERROR] must be less than 4 characters [json-pointer:${at}/initial_value]`] });
  });
});
