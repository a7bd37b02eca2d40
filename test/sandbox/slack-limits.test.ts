import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, BOT_TOKEN, startHarness, type Harness } from './bolt-harness.ts';

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

/** The Slack error code a Web API call fails with (the WebClient throws on ok:false). */
async function slackError(call: Promise<unknown>): Promise<{ error: string; messages: string[] }> {
  try {
    await call;
  } catch (e) {
    const data = (e as { data?: { error?: string; response_metadata?: { messages?: string[] } } }).data;
    return { error: data?.error ?? String(e), messages: data?.response_metadata?.messages ?? [] };
  }
  throw new Error('the call succeeded');
}

const section = (i: number) => ({ type: 'section', text: { type: 'mrkdwn', text: `row ${i}` } });
const modal = (over: Record<string, unknown> = {}) => ({
  type: 'modal', title: { type: 'plain_text', text: 'Declare incident' }, blocks: [section(0)], ...over,
});
const trigger = async () => (await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' })).triggerId;

describe('message limits', () => {
  it('takes 50 blocks and rejects 51 with invalid_blocks', async () => {
    const blocks = Array.from({ length: 51 }, (_, i) => section(i));
    await expect(h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 't', blocks: blocks.slice(0, 50) })).resolves.toMatchObject({ ok: true });
    const err = await slackError(h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 't', blocks }));
    expect(err.error).toBe('invalid_blocks');
    expect(err.messages).toContain('[ERROR] no more than 50 items allowed [json-pointer:/blocks]');
  });

  it('checks section text, fields, ids', async () => {
    const post = (blocks: unknown[]) => slackError(h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 't', blocks: blocks as never }));
    expect((await post([{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }])).messages)
      .toEqual(['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]']);
    const field = (n: number) => ({ type: 'mrkdwn', text: 'f'.repeat(n) });
    expect((await post([{ type: 'section', fields: Array.from({ length: 11 }, () => field(1)) }])).messages)
      .toEqual(['[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/fields]']);
    expect((await post([{ type: 'section', fields: [field(2001)] }])).messages)
      .toEqual(['[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/fields/0/text]']);
    expect((await post([{ type: 'divider', block_id: 'b'.repeat(256) }])).messages)
      .toEqual(['[ERROR] must be less than 256 characters [json-pointer:/blocks/0/block_id]']);
    expect((await post([{ type: 'actions', elements: [{ type: 'button', action_id: 'a'.repeat(256), text: { type: 'plain_text', text: 'Go' } }] }])).messages)
      .toEqual(['[ERROR] must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]']);
    expect((await post([{ type: 'divider', block_id: 'd' }, { type: 'divider', block_id: 'd' }])).error).toBe('invalid_blocks');
    // At the limits exactly, Slack accepts.
    await expect(h.app.client.chat.postMessage({
      channel: 'C0INFRA', text: 't',
      blocks: [{ type: 'section', block_id: 'b'.repeat(255), text: { type: 'mrkdwn', text: 'x'.repeat(3000) }, fields: Array.from({ length: 10 }, () => field(2000)) }] as never,
    })).resolves.toMatchObject({ ok: true });
  });

  it('rejects unknown channels, empty messages, and unparsable blocks', async () => {
    expect((await slackError(h.app.client.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).error).toBe('channel_not_found');
    expect((await slackError(h.app.client.chat.postMessage({ channel: 'G0LEADS2', text: 'x' }))).error).toBe('channel_not_found');
    expect((await slackError(h.app.client.chat.postMessage({ channel: 'C0INFRA' } as never))).error).toBe('no_text');
    const res = await fetch(h.emulator.apiUrl + 'chat.postMessage', {
      method: 'POST', headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=C0INFRA&text=x&blocks=%5B%7Bnot-json',
    });
    expect(await res.json()).toEqual({ ok: false, error: 'invalid_blocks_format' });
  });

  it('limits chat.postMessage to 1 per second per channel with HTTP 429 and Retry-After', async () => {
    h.emulator.setRateLimit(true);
    const post = (channel: string) => fetch(h.emulator.apiUrl + 'chat.postMessage', {
      method: 'POST', headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel, text: 'hello' }),
    });
    expect((await post('C0INFRA')).status).toBe(200);
    h.clock.advance(400);
    const limited = await post('C0INFRA');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect((await post('G0LEADS')).status).toBe(200); // another channel has its own budget
    h.clock.advance(600);
    expect((await post('C0INFRA')).status).toBe(200);
    expect(h.emulator.messages('C0INFRA')).toHaveLength(2);
  });
});

describe('modal limits', () => {
  it('rejects a 25-character title, too many blocks, long private_metadata and callback_id', async () => {
    const open = async (view: Record<string, unknown>) => slackError(h.app.client.views.open({ trigger_id: await trigger(), view: view as never }));
    const title25 = await open(modal({ title: { type: 'plain_text', text: 'x'.repeat(25) } }));
    expect(title25).toEqual({ error: 'invalid_arguments', messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] });
    expect((await open(modal({ submit: { type: 'plain_text', text: 's'.repeat(25) } }))).messages[0]).toContain('/view/submit/text');
    expect((await open(modal({ close: { type: 'plain_text', text: 'c'.repeat(25) } }))).messages[0]).toContain('/view/close/text');
    expect((await open(modal({ blocks: Array.from({ length: 101 }, (_, i) => section(i)) }))).messages)
      .toEqual(['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]']);
    expect((await open(modal({ private_metadata: 'm'.repeat(3001) }))).messages)
      .toEqual(['[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]']);
    expect((await open(modal({ callback_id: 'c'.repeat(256) }))).messages)
      .toEqual(['[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]']);
    expect((await open(modal({ state: {} }))).messages).toEqual(['[ERROR] invalid additional property: state [json-pointer:/view]']);
    expect((await open(modal({ blocks: [{ type: 'input', label: { type: 'plain_text', text: 'L' }, element: { type: 'plain_text_input' } }] }))).messages)
      .toEqual(['[ERROR] must provide submit property when using input blocks [json-pointer:/view]']);
    const ok = await h.app.client.views.open({
      trigger_id: await trigger(),
      view: modal({ title: { type: 'plain_text', text: 'x'.repeat(24) }, private_metadata: 'm'.repeat(3000), blocks: Array.from({ length: 100 }, (_, i) => section(i)) }) as never,
    });
    expect(ok.ok).toBe(true);
  });

  it('rejects more than 100 blocks in a Home tab', async () => {
    const home = (n: number) => ({ type: 'home', blocks: Array.from({ length: n }, (_, i) => section(i)) });
    await expect(h.app.client.views.publish({ user_id: ALICE, view: home(100) as never })).resolves.toMatchObject({ ok: true });
    expect((await slackError(h.app.client.views.publish({ user_id: ALICE, view: home(101) as never }))).error).toBe('invalid_arguments');
  });

  it('uses a trigger_id once, and only within 3 seconds', async () => {
    const t = await trigger();
    await h.app.client.views.open({ trigger_id: t, view: modal() as never });
    expect((await slackError(h.app.client.views.open({ trigger_id: t, view: modal() as never }))).error).toBe('exchanged_trigger_id');
    const late = await trigger();
    h.clock.advance(3001);
    expect((await slackError(h.app.client.views.open({ trigger_id: late, view: modal() as never }))).error).toBe('expired_trigger_id');
    const onTime = await trigger();
    h.clock.advance(3000);
    await expect(h.app.client.views.open({ trigger_id: onTime, view: modal() as never })).resolves.toMatchObject({ ok: true });
    expect((await slackError(h.app.client.views.open({ trigger_id: 'made.up.trigger', view: modal() as never }))).error).toBe('invalid_trigger_id');
  });

  it('holds at most 3 views on the stack: views.push on 3 gives push_limit_reached', async () => {
    const root = await h.app.client.views.open({ trigger_id: await trigger(), view: modal() as never });
    await h.app.client.views.push({ trigger_id: await trigger(), view: modal({ title: { type: 'plain_text', text: 'Two' } }) as never });
    await h.app.client.views.push({ trigger_id: await trigger(), view: modal({ title: { type: 'plain_text', text: 'Three' } }) as never });
    expect(h.emulator.openViews(ALICE).map((v) => v.title?.text)).toEqual(['Declare incident', 'Two', 'Three']);
    expect((await slackError(h.app.client.views.push({ trigger_id: await trigger(), view: modal() as never }))).error).toBe('push_limit_reached');
    expect(h.emulator.openViews(ALICE).every((v) => v.root_view_id === root.view?.id)).toBe(true);
  });

  it('views.update checks hash and finds views by external_id', async () => {
    const opened = await h.app.client.views.open({ trigger_id: await trigger(), view: modal({ external_id: 'incident-42' }) as never });
    const id = opened.view?.id ?? '';
    const hash = opened.view?.hash ?? '';
    const updated = await h.app.client.views.update({ external_id: 'incident-42', hash, view: modal({ title: { type: 'plain_text', text: 'Updated' }, external_id: 'incident-42' }) as never });
    expect(updated.view).toMatchObject({ id, title: { text: 'Updated' } });
    expect((await slackError(h.app.client.views.update({ view_id: id, hash, view: modal() as never }))).error).toBe('hash_conflict');
    expect((await slackError(h.app.client.views.update({ view_id: 'V0NOPE', view: modal() as never }))).error).toBe('not_found');
  });
});

describe('response_url', () => {
  it('works 5 times, then says used_url', async () => {
    const { responseUrl } = await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' });
    const post = () => fetch(responseUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) });
    for (let i = 0; i < 5; i += 1) expect((await post()).status).toBe(200);
    const sixth = await post();
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(h.emulator.ephemerals(ALICE, 'C0INFRA')).toHaveLength(5);
  });

  it('expires after 30 minutes', async () => {
    const { responseUrl } = await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' });
    h.clock.advance(30 * 60 * 1000 + 1);
    const res = await fetch(responseUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'late' }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'expired_url' });
  });

  it('replaces and deletes the original message of a button click', async () => {
    const posted = await h.app.client.chat.postMessage({
      channel: 'C0INFRA', text: 'Ack?',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'ack', text: { type: 'plain_text', text: 'Ack' } }] }],
    });
    h.app.action('ack', async ({ ack }) => {
      await ack();
    });
    const click = await h.emulator.clickButton({ userId: ALICE, source: { messageTs: posted.ts ?? '', channelId: 'C0INFRA' }, actionId: 'ack' });
    const post = (body: unknown) => fetch(click.responseUrl ?? '', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ replace_original: true, text: 'Acked by alice' })).status).toBe(200);
    expect(h.emulator.messages('C0INFRA').map((m) => [m.ts, m.text, m.blocks])).toEqual([[posted.ts, 'Acked by alice', undefined]]);
    expect((await post({ delete_original: true })).status).toBe(200);
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
  });

  it('rejects invalid blocks with 400 so respond() throws', async () => {
    const { responseUrl } = await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' });
    const res = await fetch(responseUrl, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 't', blocks: Array.from({ length: 51 }, (_, i) => section(i)) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
  });
});
