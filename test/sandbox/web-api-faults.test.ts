import { ErrorCode, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, BOT_TOKEN, startHarness, type Harness } from './bolt-harness.ts';

/**
 * Faults on the emulator's Web API, seen through the real @slack/web-api WebClient the bot
 * uses: slow answers, Slack errors, 5xx, 429 with Retry-After, and a call Slack performed
 * whose answer never arrived (the classic cause of a message posted twice).
 */

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  h.emulator.faults.releaseHeld();
  await h.close();
});

/** A WebClient like the bot's, with its own retry and timeout settings. */
const client = (opts: { retries?: number; timeout?: number; rejectRateLimitedCalls?: boolean } = {}) => new WebClient(BOT_TOKEN, {
  slackApiUrl: h.emulator.apiUrl,
  retryConfig: { retries: opts.retries ?? 0, factor: 1, minTimeout: 10, maxTimeout: 10 },
  ...(opts.timeout ? { timeout: opts.timeout } : {}),
  ...(opts.rejectRateLimitedCalls ? { rejectRateLimitedCalls: true } : {}),
  logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => 'error' as never, setName: () => {} },
});

async function failure(call: Promise<unknown>): Promise<Record<string, any>> {
  try {
    await call;
  } catch (e) {
    return e as Record<string, any>;
  }
  throw new Error('the call succeeded');
}

const post = (c: WebClient, text = 'Paging alice') => c.chat.postMessage({ channel: 'C0INFRA', text });

describe('hold', () => {
  it('holds each call N ms, then performs and answers it', async () => {
    const handle = h.emulator.faults.hold('chat.postMessage', { ms: 300 });
    const started = performance.now();
    const pending = post(client());
    await h.emulator.waitFor(() => h.emulator.faults.heldCount('chat.postMessage') === 1);
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
    await expect(pending).resolves.toMatchObject({ ok: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(h.emulator.messages('C0INFRA')).toHaveLength(1);
    expect(handle.hits).toBe(1);
    // Other methods are not held.
    await expect(client().users.info({ user: ALICE })).resolves.toMatchObject({ ok: true });
    expect(h.emulator.apiCalls.filter((c) => c.method === 'chat.postMessage').at(-1)?.faults).toEqual(['hold']);
  });

  it('holds calls until released, for one method or all (*)', async () => {
    h.emulator.faults.hold('*');
    const a = post(client(), 'one');
    const b = client().users.info({ user: ALICE });
    await h.emulator.waitFor(() => h.emulator.faults.heldCount() === 2);
    expect(h.emulator.faults.heldCount('users.info')).toBe(1);
    expect(h.emulator.faults.releaseHeld('users.info')).toBe(1);
    await expect(b).resolves.toMatchObject({ ok: true });
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
    h.emulator.faults.clear();
    expect(h.emulator.faults.releaseHeld()).toBe(1);
    await expect(a).resolves.toMatchObject({ ok: true });
    expect(h.emulator.messages('C0INFRA').map((m) => m.text)).toEqual(['one']);
  });

  it('a client that gives up on a held call still finds the message posted once released', async () => {
    h.emulator.faults.hold('chat.postMessage', { times: 1 });
    const err = await failure(post(client({ timeout: 100 })));
    expect(err.code).toBe(ErrorCode.RequestError);
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
    h.emulator.faults.releaseHeld();
    await h.emulator.waitFor(() => h.emulator.messages('C0INFRA').length === 1);
    expect(h.emulator.postedCount('C0INFRA')).toBe(1);
  });
});

describe('failing answers', () => {
  it('fail: ok:false with the given Slack error for the next N calls, nothing performed', async () => {
    const handle = h.emulator.faults.fail('chat.postMessage', 'fatal_error', { times: 1 });
    const err = await failure(post(client()));
    expect(err).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'fatal_error' } });
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
    await expect(post(client())).resolves.toMatchObject({ ok: true });
    expect(handle.hits).toBe(1);
    expect(h.emulator.faults.fail('users.info', 'ratelimited', { extra: { warning: 'x' } })).toBeDefined();
    expect((await failure(client().users.info({ user: ALICE }))).data).toEqual({ ok: false, error: 'ratelimited', warning: 'x', response_metadata: {} });
  });

  it('httpError: a 5xx the client may retry; the retry succeeds and posts once', async () => {
    h.emulator.faults.httpError('chat.postMessage', 503, { times: 1 });
    const err = await failure(post(client()));
    expect(err).toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    expect(h.emulator.messages('C0INFRA')).toEqual([]);
    h.emulator.faults.httpError('chat.postMessage', 500, { times: 1 });
    h.emulator.resetCounters();
    await expect(post(client({ retries: 2 }))).resolves.toMatchObject({ ok: true });
    expect(h.emulator.callCount('chat.postMessage')).toBe(2);
    expect(h.emulator.postedCount('C0INFRA')).toBe(1);
    expect(() => h.emulator.faults.httpError('chat.postMessage', 200)).toThrow(/4xx\/5xx/);
  });

  it('rateLimit: HTTP 429 with Retry-After for the next N calls', async () => {
    h.emulator.faults.rateLimit('chat.postMessage', 7, { times: 2 });
    const err = await failure(post(client({ rejectRateLimitedCalls: true })));
    expect(err).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    const raw = await fetch(`${h.emulator.apiUrl}chat.postMessage`, {
      method: 'POST', headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ channel: 'C0INFRA', text: 'x' }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
    await expect(post(client())).resolves.toMatchObject({ ok: true });
    expect(h.emulator.messages('C0INFRA')).toHaveLength(1);
  });

  it('the emulator\'s own 1 message/s/channel limit keeps working alongside faults', async () => {
    h.emulator.setRateLimit(true);
    h.emulator.faults.hold('users.info', { ms: 1 });
    await expect(post(client())).resolves.toMatchObject({ ok: true });
    expect((await failure(post(client({ rejectRateLimitedCalls: true })))).retryAfter).toBe(1);
    h.clock.advance(1000);
    await expect(post(client())).resolves.toMatchObject({ ok: true });
  });
});

describe('accept then drop', () => {
  it('performs the call, then cuts the connection: the client errs although Slack posted', async () => {
    const handle = h.emulator.faults.acceptThenDrop('chat.postMessage', { times: 1 });
    const err = await failure(post(client()));
    expect(err.code).toBe(ErrorCode.RequestError);
    expect(h.emulator.messages('C0INFRA').map((m) => m.text)).toEqual(['Paging alice']);
    expect(handle.hits).toBe(1);
    expect(h.emulator.apiCalls.at(-1)).toMatchObject({ method: 'chat.postMessage', status: 200, faults: ['accept_then_drop'] });
  });

  it('a client that retries on connection errors posts the message twice, and the counters show it', async () => {
    h.emulator.faults.acceptThenDrop('chat.postMessage', { times: 1 });
    await expect(post(client({ retries: 1 }))).resolves.toMatchObject({ ok: true });
    expect(h.emulator.postedCount('C0INFRA')).toBe(2);
    expect(h.emulator.postedCount('wg-k8s-infra')).toBe(2);
    expect(h.emulator.callCount('chat.postMessage')).toBe(2);
  });

  it('holds and drops together (slow, then lost)', async () => {
    h.emulator.faults.hold('chat.update', { ms: 50 });
    h.emulator.faults.acceptThenDrop('chat.update');
    const ts = (await post(client())).ts ?? '';
    const err = await failure(client().chat.update({ channel: 'C0INFRA', ts, text: 'Acknowledged' }));
    expect(err.code).toBe(ErrorCode.RequestError);
    expect(h.emulator.messages('C0INFRA')[0]?.text).toBe('Acknowledged');
    expect(h.emulator.apiCalls.at(-1)?.faults).toEqual(['hold', 'accept_then_drop']);
  });
});

describe('response_url faults', () => {
  it('apply to response_url posts by name, not through *', async () => {
    h.app.command('/k8s-infra', async ({ ack }) => {
      await ack();
    });
    const { responseUrl } = await h.emulator.sendSlashCommand({ userId: ALICE, channelId: 'C0INFRA', text: 'x' });
    const respond = () => fetch(responseUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ response_type: 'in_channel', text: 'done' }) });
    h.emulator.faults.httpError('*', 500);
    expect((await respond()).status).toBe(200);
    h.emulator.faults.clear();
    h.emulator.faults.httpError('response_url', 502, { times: 1 });
    expect((await respond()).status).toBe(502);
    h.emulator.faults.acceptThenDrop('response_url', { times: 1 });
    await expect(respond()).rejects.toThrow();
    expect(h.emulator.postedCount('C0INFRA')).toBe(2);
    expect(h.emulator.callCount('response_url')).toBe(3);
  });
});

describe('counters', () => {
  it('count calls per method and bot messages per conversation, until reset', async () => {
    const c = client();
    await post(c, 'a');
    await post(c, 'b');
    await c.chat.postMessage({ channel: ALICE, text: 'dm' });
    await c.chat.postEphemeral({ channel: 'C0INFRA', user: ALICE, text: 'only you' });
    h.emulator.faults.fail('chat.postMessage', 'fatal_error', { times: 1 });
    await failure(post(c, 'c'));
    expect(h.emulator.callCount('chat.postMessage')).toBe(4);
    expect(h.emulator.callCounts()).toMatchObject({ 'chat.postMessage': 4, 'chat.postEphemeral': 1 });
    expect(h.emulator.postedCount('C0INFRA')).toBe(2);
    expect(h.emulator.postedCount(ALICE)).toBe(1);
    expect(h.emulator.postedCount(h.emulator.dmChannel(ALICE).id)).toBe(1);
    // Deleting a message does not undo the count: a double stays visible.
    await c.chat.delete({ channel: 'C0INFRA', ts: h.emulator.messages('C0INFRA')[0]?.ts ?? '' });
    expect(h.emulator.postedCount('C0INFRA')).toBe(2);
    expect(h.emulator.postedCounts()).toEqual({ C0INFRA: 2, [h.emulator.dmChannel(ALICE).id]: 1 });
    h.emulator.resetCounters();
    expect(h.emulator.callCount()).toBe(0);
    expect(h.emulator.postedCount('C0INFRA')).toBe(0);
  });
});
