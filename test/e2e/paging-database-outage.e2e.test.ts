/**
 * A click or a page during a database outage is never dropped silently. PostgreSQL behind a TCP
 * proxy the test stops and starts: an Acknowledge made while it is down is retried in the process
 * with the time of the click and applied when it comes back, or the person is told it was not
 * recorded; a page command says plainly that the page was NOT raised.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pagingModule } from '../../src/escalation/capability.ts';
import type { PageState } from '../../src/escalation/domain/page-state.ts';
import { PAGING_IDS } from '../../src/escalation/ids.ts';
import type { PagingTables } from '../../src/escalation/store/tables.ts';
import { openDatabase, type Store } from '../../src/platform/store/open-database.ts';
import { rota } from '../../src/rota/capability.ts';
import { PAGING_API } from '../../src/escalation/api.ts';
import { startHarness, type Harness } from '../helpers/harness.ts';
import { POSTGRES_URL, postgresAvailable } from '../helpers/test-databases.ts';
import { allText, pagingConfig, SLACK } from '../escalation/paging-fixture.ts';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** A TCP proxy to the real PostgreSQL that can be taken down (connections cut, nothing accepted) and brought back. */
class DatabaseProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly port: number) {}

  static async free(): Promise<number> {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const port = (s.address() as { port: number }).port;
    await new Promise((r) => s.close(r));
    return port;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const target = new URL(POSTGRES_URL);
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((r) => server.close(r));
  }
}

describe.runIf(postgresAvailable)('paging while PostgreSQL is unreachable', () => {
  let h: Harness | undefined;
  let proxy: DatabaseProxy | undefined;
  let schema = '';
  afterEach(async () => {
    await proxy?.up().catch(() => undefined);
    await h?.stop();
    await proxy?.down();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`).finally(() => admin.end());
  });

  async function start(clickRetryMs: number): Promise<{ h: Harness; store: Store; page: PageState; post: { channel: string; ts: string } }> {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`).finally(() => admin.end());
    const port = await DatabaseProxy.free();
    proxy = new DatabaseProxy(port);
    await proxy.up();
    const url = new URL(POSTGRES_URL);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    // openDatabase listens for errors on every client it hands out: the outage cuts connections mid-flight.
    const store = await openDatabase({ kind: 'postgres', url: url.toString(), schema });
    h = await startHarness({ capabilities: [rota, pagingModule({ clickRetryMs })], config: pagingConfig(), store, manualJobs: false });
    const channel = h.slack.channelByName('wg-k8s-infra')!.id;
    await h.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page registry severity=critical registry down' });
    const post = await h.slack.waitFor(() => h!.slack.messages('k8s-infra-alerts').find((m) => m.text.startsWith('[PAGE] registry')), { timeoutMs: 5000 });
    const page = (await h.bot.api(PAGING_API).openPages()).find((p) => p.subprojectId === 'registry')!;
    return { h, store, page, post };
  }

  const stored = async (store: Store, id: string) =>
    JSON.parse((await store.db.withTables<PagingTables>().selectFrom('pages').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state) as PageState;

  it('applies an Acknowledge clicked during the outage when the database returns, with the time of the click, and says it is pending meanwhile', async () => {
    const { h, store, page, post } = await start(20_000);
    await proxy!.down();
    const clickedAt = Date.now();
    const click = await h.slack.clickButton({ userId: SLACK.dims, source: { channelId: post.channel, messageTs: post.ts }, actionId: PAGING_IDS.actions.acknowledge });
    expect(click.ok).toBe(true);
    const pending = await h.slack.waitFor(() => h.slack.ephemerals(SLACK.dims).at(-1), { timeoutMs: 5000 });
    expect(pending.text).toContain('Your acknowledgement is not recorded yet; it is retried for 20 s with the time you clicked');
    await new Promise((r) => setTimeout(r, 2500));
    await proxy!.up();
    await expect.poll(async () => (await stored(store, page.id)).status, { timeout: 15_000, interval: 200 }).toBe('acknowledged');
    const acked = await stored(store, page.id);
    expect(acked.acknowledgedBy).toBe('dims');
    // Recorded as of the click, not of the retry that got through (2.5 s later).
    expect(Date.parse(acked.acknowledgedAt!) - clickedAt).toBeLessThan(1000);
    await h.slack.waitFor(() => allText([h.slack.messages('k8s-infra-alerts').find((m) => m.ts === post.ts)!]).includes('Acknowledged* by <@U0DIMS001>'), { timeoutMs: 5000 });
  });

  it('tells the person their acknowledgement could not be recorded when the outage outlasts the retries, and a page command or form that the page was NOT raised', async () => {
    const { h, store, page, post } = await start(1500);
    const channelId = h.slack.channelByName('wg-k8s-infra')!.id;
    // A form opened before the outage and submitted during it.
    await h.slack.sendSlashCommand({ userId: SLACK.hh, channelId, text: 'page website' });
    const form = await h.slack.waitFor(() => h.slack.topView(SLACK.hh), { timeoutMs: 5000 });
    await proxy!.down();
    await h.slack.clickButton({ userId: SLACK.dims, source: { channelId: post.channel, messageTs: post.ts }, actionId: PAGING_IDS.actions.acknowledge });
    const told = await h.slack.waitFor(() => h.slack.ephemerals(SLACK.dims).find((m) => m.text.startsWith(':warning:')), { timeoutMs: 10_000 });
    expect(told.text).toBe(':warning: Could not record your acknowledgement: the bot cannot reach its database. Try again in a minute. The page keeps escalating until someone acknowledges it.');

    const channel = h.slack.channelByName('wg-k8s-infra')!.id;
    await h.slack.sendSlashCommand({ userId: SLACK.thockin, channelId: channel, text: 'page dns severity=critical zone push failed' });
    const answer = await h.slack.waitFor(() => h.slack.ephemerals(SLACK.thockin, channel).find((m) => allText([m]).includes('NOT raised')), { timeoutMs: 15_000 });
    expect(allText([answer])).toContain('Your page was NOT raised: nobody was notified.');

    const submitted = await h.slack.submitView({ userId: SLACK.hh, viewId: form.id, values: { [PAGING_IDS.blocks.summary]: { [PAGING_IDS.actions.summary]: 'docs site 500s' } } });
    expect(submitted.ok).toBe(true);
    const formAnswer = await h.slack.waitFor(() => h.slack.ephemerals(SLACK.hh, channelId).find((m) => m.text.includes('NOT raised')), { timeoutMs: 15_000 });
    expect(formAnswer.text).toBe(':warning: The bot cannot reach its database. Your page was NOT raised: nobody was notified. Ask in #wg-k8s-infra or reach the on-call directly.');

    await proxy!.up();
    // Nothing was applied behind the person's back: the page is still triggered, and escalating.
    await expect.poll(async () => (await stored(store, page.id)).status, { timeout: 10_000 }).toBe('triggered');
    expect((await h.bot.api(PAGING_API).openPages()).some((p) => p.subprojectId === 'dns' || p.subprojectId === 'website')).toBe(false);
  });
});
