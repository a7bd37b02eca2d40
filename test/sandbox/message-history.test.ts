import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, startHarness, type Harness } from './bolt-harness.ts';

/**
 * Message metadata and reading conversations back, as a bot that checks "did I already post
 * this?" does after a lost answer: chat.postMessage/chat.update store metadata, and
 * conversations.history/replies page through messages with limit, oldest/latest and cursors.
 */

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const meta = (id: string) => ({ event_type: 'page_posted', event_payload: { page_id: id, step: 1 } });

async function slackError(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    return (e as { data?: { error?: string } }).data?.error ?? String(e);
  }
  throw new Error('the call succeeded');
}

/** Posts n messages, advancing the clock a second each time so ts are easy to bound. */
async function postMany(n: number, channel = 'C0INFRA'): Promise<string[]> {
  const ts: string[] = [];
  for (let i = 1; i <= n; i += 1) {
    const r = await h.app.client.chat.postMessage({ channel, text: `m${i}`, metadata: meta(`p${i}`) });
    ts.push(r.ts ?? '');
    h.clock.advance(1000);
  }
  return ts;
}

describe('metadata', () => {
  it('chat.postMessage stores it; history shows it only with include_all_metadata', async () => {
    const r = await h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 'Paging alice', metadata: meta('p1') });
    expect(h.emulator.messages('C0INFRA')[0]?.metadata).toEqual(meta('p1'));
    expect(r.message).not.toHaveProperty('metadata');
    const plain = await h.app.client.conversations.history({ channel: 'C0INFRA' });
    expect(plain.messages?.[0]).not.toHaveProperty('metadata');
    const full = await h.app.client.conversations.history({ channel: 'C0INFRA', include_all_metadata: true });
    expect(full.messages?.[0]).toMatchObject({ ts: r.ts, text: 'Paging alice', metadata: meta('p1') });
  });

  it('chat.update replaces metadata when given and keeps it when not', async () => {
    const ts = (await h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 'Paging alice', metadata: meta('p1') })).ts ?? '';
    await h.app.client.chat.update({ channel: 'C0INFRA', ts, text: 'Acknowledged' });
    expect(h.emulator.messages('C0INFRA')[0]).toMatchObject({ text: 'Acknowledged', metadata: meta('p1') });
    await h.app.client.chat.update({ channel: 'C0INFRA', ts, text: 'Resolved', metadata: { event_type: 'page_resolved', event_payload: { page_id: 'p1' } } });
    expect(h.emulator.messages('C0INFRA')[0]?.metadata).toEqual({ event_type: 'page_resolved', event_payload: { page_id: 'p1' } });
  });

  it('refuses malformed metadata like Slack, posting nothing', async () => {
    const post = (metadata: unknown) => h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 'x', metadata: metadata as never });
    expect(await slackError(post({ event_type: 'x' }))).toBe('invalid_metadata_schema');
    expect(await slackError(post({ event_payload: {} }))).toBe('invalid_metadata_schema');
    expect(await slackError(post({ event_type: 'x', event_payload: 'not an object' }))).toBe('invalid_metadata_schema');
    const raw = await fetch(`${h.emulator.apiUrl}chat.postMessage`, {
      method: 'POST', headers: { Authorization: 'Bearer xoxb-test-token', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'channel=C0INFRA&text=x&metadata=%7Bnot-json',
    });
    expect(await raw.json()).toEqual({ ok: false, error: 'invalid_metadata_format' });
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
    expect(h.emulator.postedCount('C0INFRA')).toBe(0);
  });
});

describe('conversations.history', () => {
  it('returns newest first, limit per page, with a cursor until has_more is false', async () => {
    await postMany(5);
    const first = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['m5', 'm4']);
    expect(first.has_more).toBe(true);
    const second = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 2, cursor: first.response_metadata?.next_cursor ?? '' });
    expect(second.messages?.map((m) => m.text)).toEqual(['m3', 'm2']);
    const third = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 2, cursor: second.response_metadata?.next_cursor ?? '' });
    expect(third.messages?.map((m) => m.text)).toEqual(['m1']);
    expect(third).toMatchObject({ has_more: false, response_metadata: { next_cursor: '' } });
  });

  it('keeps its place when messages are posted between pages', async () => {
    await postMany(4);
    const first = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 2 });
    await h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 'late' });
    const second = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 2, cursor: first.response_metadata?.next_cursor ?? '' });
    expect(second.messages?.map((m) => m.text)).toEqual(['m2', 'm1']);
  });

  it('bounds by oldest and latest, exclusive unless inclusive', async () => {
    const ts = await postMany(5);
    const between = await h.app.client.conversations.history({ channel: 'C0INFRA', oldest: ts[1], latest: ts[3] });
    expect(between.messages?.map((m) => m.text)).toEqual(['m3']);
    const inclusive = await h.app.client.conversations.history({ channel: 'C0INFRA', oldest: ts[1], latest: ts[3], inclusive: true });
    expect(inclusive.messages?.map((m) => m.text)).toEqual(['m4', 'm3', 'm2']);
    // Seconds without a fraction work as bounds too (m3 was posted at exactly that second: excluded).
    expect(ts[2]).toMatch(/\.000000$/);
    const since = await h.app.client.conversations.history({ channel: 'C0INFRA', oldest: ts[2]?.split('.')[0] });
    expect(since.messages?.map((m) => m.text)).toEqual(['m5', 'm4']);
    expect(await slackError(h.app.client.conversations.history({ channel: 'C0INFRA', oldest: 'yesterday' }))).toBe('invalid_ts_oldest');
    expect(await slackError(h.app.client.conversations.history({ channel: 'C0INFRA', cursor: 'bm9wZQ' }))).toBe('invalid_cursor');
  });

  it('finds a message by its metadata across pages (the "did I post this?" check)', async () => {
    await postMany(7);
    const found: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.app.client.conversations.history({ channel: 'C0INFRA', limit: 3, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      for (const m of page.messages ?? []) if ((m.metadata?.event_payload as Record<string, unknown> | undefined)?.page_id === 'p2') found.push(m.text ?? '');
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(found).toEqual(['m2']);
  });
});

describe('conversations.replies', () => {
  it('returns the parent then replies oldest first, paged, with metadata when asked', async () => {
    const parent = (await h.app.client.chat.postMessage({ channel: 'C0INFRA', text: 'Incident', metadata: meta('i1') })).ts ?? '';
    const replies: string[] = [];
    for (let i = 1; i <= 4; i += 1) {
      h.clock.advance(1000);
      replies.push((await h.app.client.chat.postMessage({ channel: 'C0INFRA', thread_ts: parent, text: `r${i}`, metadata: meta(`r${i}`) })).ts ?? '');
    }
    await h.emulator.postUserMessage({ userId: ALICE, channelId: 'C0INFRA', text: 'on it', threadTs: parent });
    const first = await h.app.client.conversations.replies({ channel: 'C0INFRA', ts: parent, limit: 3 });
    expect(first.messages?.map((m) => m.text)).toEqual(['Incident', 'r1', 'r2']);
    expect(first.messages?.[0]).not.toHaveProperty('metadata');
    expect(first.has_more).toBe(true);
    const rest = await h.app.client.conversations.replies({ channel: 'C0INFRA', ts: parent, limit: 3, cursor: first.response_metadata?.next_cursor ?? '', include_all_metadata: true });
    expect(rest.messages?.map((m) => m.text)).toEqual(['r3', 'r4', 'on it']);
    expect(rest.messages?.[0]?.metadata).toEqual(meta('r3'));
    expect(rest.has_more).toBe(false);
    const late = await h.app.client.conversations.replies({ channel: 'C0INFRA', ts: replies[1] ?? '', oldest: replies[2] });
    expect(late.messages?.map((m) => m.text)).toEqual(['Incident', 'r4', 'on it']);
  });
});
