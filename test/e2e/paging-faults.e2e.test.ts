/**
 * Delivery under faults, through the real endpoint, the emulator's Web API faults and a real
 * database: nothing waits on Slack while holding something shared, a dropped answer or a 429
 * repeats nothing, a timeline line is never lost. Real time (the job runner waits out retries and
 * Retry-After), so who is on call is whoever it is today: the assertions read the page's own
 * notifications, and pages are critical so step 1 notifies whoever it names at any hour.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pagingModule } from '../../src/escalation/capability.ts';
import type { PageState } from '../../src/escalation/domain/page-state.ts';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import { rota } from '../../src/rota/capability.ts';
import type { SlackEmulator, SlackMessage } from '../../src/sandbox/emulator.ts';
import type { Store } from '../../src/platform/store/open-database.ts';
import type { PagingTables } from '../../src/escalation/store/tables.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { allText, freshStore, pagingConfig, SLACK } from '../escalation/paging-fixture.ts';
import { PAGING_API } from '../../src/escalation/api.ts';

interface RealTimeRig {
  h: Harness;
  store: Store;
  /** A page as stored, open or not. */
  page(id: string): Promise<PageState>;
  /** Waits until no job is due (retries included) and nothing is running. */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

async function startRealTime(kind: 'sqlite' | 'postgres'): Promise<RealTimeRig> {
  const store = await freshStore(kind);
  const h = await startHarness({ capabilities: [rota, pagingModule()], config: pagingConfig(), store, manualJobs: false });
  return {
    h,
    store,
    async page(id) {
      const row = await store.db.withTables<PagingTables>().selectFrom('pages').select('state').where('id', '=', id).executeTakeFirstOrThrow();
      return JSON.parse(row.state) as PageState;
    },
    async settled(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const busy = await store.db
          .selectFrom('jobs')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'pending')
          .where('due_at', '<=', Date.now() + 60_000)
          .executeTakeFirstOrThrow();
        if (Number(busy.n) === 0) return;
        if (Date.now() > deadline) throw new Error(`${busy.n} jobs still due after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => h.stop(),
  };
}

async function openPage(rig: RealTimeRig, subprojectId: string): Promise<PageState> {
  for (let i = 0; i < 200; i++) {
    const page = (await rig.h.bot.api(PAGING_API).openPages()).find((p) => p.subprojectId === subprojectId);
    if (page) return page;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no open page for ${subprojectId}`);
}

const topLevel = (slack: SlackEmulator, pageId: string) => slack.messages('k8s-infra-alerts').filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && allText([m]).includes(pageId));
const dmsOf = (slack: SlackEmulator, userId: string, pageId: string) => slack.dms(userId).filter((m) => allText([m]).includes(pageId));
const slackIdOf = (h: Harness, personId: string) => h.config.people.find((p) => p.id === personId)!.slack;

/** Every way a page could have been repeated or lost in Slack: its post, its DMs, its thread lines. */
function deliveries(rig: RealTimeRig, page: PageState) {
  const { slack } = rig.h;
  const posts = topLevel(slack, page.id);
  const thread: SlackMessage[] = posts[0] ? slack.thread('k8s-infra-alerts', posts[0].ts).slice(1) : [];
  const text = thread.map((m) => m.text).join('\n');
  const people = [...new Set(page.notifications.map((n) => n.personId))];
  return {
    posts: posts.length,
    dms: people.map((p) => dmsOf(slack, slackIdOf(rig.h, p), page.id).length),
    lines: page.timeline.map((e) => text.split(e.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).length - 1),
  };
}

describe.each(testDatabases)('paging under Slack faults, on $name', (database) => {
  let rig: RealTimeRig | undefined;
  afterEach(async () => {
    rig?.h.slack.faults.clear();
    rig?.h.slack.faults.releaseHeld();
    await rig?.stop();
    rig = undefined;
  });

  it("while one chat.postMessage hangs, another page's Acknowledge is shown within 1 s, page list answers and /readyz stays 200", async () => {
    rig = await startRealTime(database.name);
    const { slack, bot } = rig.h;
    const channel = slack.channelByName('wg-k8s-infra')!.id;
    await slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page dns severity=critical zone push failed' });
    const other = await openPage(rig, 'dns');
    await rig.settled();

    // The next chat.postMessage (the registry page's post or one of its DMs) hangs until released.
    slack.faults.hold('chat.postMessage', { times: 1 });
    await slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page registry severity=critical registry down' });
    await slack.waitFor(() => slack.faults.heldCount('chat.postMessage') === 1, { timeoutMs: 5000 });

    const post = topLevel(slack, other.id)[0]!;
    const clicked = performance.now();
    await slack.clickButton({ userId: SLACK.dims, source: { channelId: post.channel, messageTs: post.ts }, actionId: PAGING_IDS.actions.acknowledge });
    await slack.waitFor(() => allText([slack.messages('k8s-infra-alerts').find((m) => m.ts === post.ts)!]).includes('Acknowledged* by <@U0DIMS001>'), { timeoutMs: 5000 });
    const shownMs = performance.now() - clicked;
    expect(shownMs).toBeLessThan(1000);

    const listed = await slack.sendSlashCommand({ userId: SLACK.dims, channelId: channel, text: 'page list' });
    expect(listed.ok).toBe(true);
    expect(allText([await slack.waitFor(() => slack.ephemerals(SLACK.dims, channel).find((m) => allText([m]).includes('Open pages')), { timeoutMs: 1000 })])).toContain('registry');
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    expect(slack.faults.heldCount('chat.postMessage')).toBe(1);

    // Once more with the DM certainly among the calls held: a page's post and its first DM both hang
    // (its thread cannot start before its post), and a resolution elsewhere is still shown at once.
    slack.faults.releaseHeld();
    await rig.settled();
    slack.faults.hold('chat.postMessage', { times: 2 });
    await slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page clusters severity=critical prow-build nodes not ready' });
    await slack.waitFor(() => slack.faults.heldCount('chat.postMessage') === 2, { timeoutMs: 5000 });
    const heldChannels = () => slack.apiCalls.filter((c) => c.method === 'chat.postMessage' && c.faults?.includes('hold')).map((c) => String(c.args.channel));
    const resolving = performance.now();
    await slack.clickButton({ userId: SLACK.dims, source: { channelId: post.channel, messageTs: post.ts }, actionId: PAGING_IDS.actions.resolve });
    await slack.waitFor(() => allText([slack.messages('k8s-infra-alerts').find((m) => m.ts === post.ts)!]).includes('Resolved* by <@U0DIMS001>'), { timeoutMs: 5000 });
    expect(performance.now() - resolving).toBeLessThan(1000);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
    slack.faults.releaseHeld();
    await slack.waitFor(() => heldChannels().length === 3, { timeoutMs: 5000 });
    expect(heldChannels().some((c) => c.startsWith('D'))).toBe(true);
  });

  it('repeats nothing when Slack posted but the answer was lost, or answered 429, and loses no thread line when a post fails', async () => {
    rig = await startRealTime(database.name);
    const { slack } = rig.h;
    const channel = slack.channelByName('wg-k8s-infra')!.id;
    // The first two posts (the page and a DM, or a thread line) are made and their answers dropped; then two 429s.
    slack.faults.acceptThenDrop('chat.postMessage', { times: 2 });
    await slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page registry severity=critical registry down everywhere' });
    const page = await openPage(rig, 'registry');
    await rig.settled();
    slack.faults.rateLimit('chat.postMessage', 1, { times: 2 });
    const post = topLevel(slack, page.id)[0]!;
    const someoneNotified = slackIdOf(rig.h, page.notifications[0]!.personId);
    await slack.clickButton({ userId: someoneNotified, source: { channelId: post.channel, messageTs: post.ts }, actionId: PAGING_IDS.actions.acknowledge });
    await expect.poll(async () => (await rig!.page(page.id)).status, { timeout: 5000 }).toBe('acknowledged');
    await rig.settled();
    // The resolution's thread line fails outright once: it is retried, not lost.
    slack.faults.fail('chat.postMessage', 'internal_error', { times: 1 });
    await slack.clickButton({ userId: someoneNotified, source: { channelId: post.channel, messageTs: post.ts }, actionId: PAGING_IDS.actions.resolve });
    await expect.poll(async () => (await rig!.page(page.id)).status, { timeout: 5000 }).toBe('resolved');
    await rig.settled();

    const final = await rig.page(page.id);
    expect(final.status).toBe('resolved');
    const faulted = slack.apiCalls.filter((c) => c.method === 'chat.postMessage' && c.faults?.length).map((c) => c.faults!.join('+'));
    expect(faulted.sort()).toEqual(['accept_then_drop', 'accept_then_drop', 'fail', 'rate_limit', 'rate_limit']);
    const counts = deliveries(rig, final);
    expect(counts.posts).toBe(1);
    expect(counts.dms.every((n) => n === 1)).toBe(true);
    expect(counts.lines).toEqual(final.timeline.map(() => 1));
    expect(final.timeline.some((e) => e.kind === 'resolved')).toBe(true);
  });
});
