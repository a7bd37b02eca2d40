import { createServer, connect, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/store/open-database.ts';
import { POSTGRES_URL, postgresAvailable } from '../helpers/test-databases.ts';
import { startTestBotUnready } from '../helpers/start-test-bot.ts';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A TCP proxy to the real PostgreSQL, started late to play a database that comes back. */
function startProxy(port: number, target: URL): Promise<{ server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.push(client, upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, sockets })));
}

describe.runIf(postgresAvailable)('database down at start', () => {
  it('serves /healthz, fails /readyz with the reason, logs it, and becomes ready when the database answers', async () => {
    const port = await freePort();
    const url = new URL(POSTGRES_URL);
    const proxied = new URL(POSTGRES_URL);
    proxied.port = String(port);
    proxied.hostname = '127.0.0.1';
    const store = await openDatabase({ kind: 'postgres', url: proxied.toString(), schema: `outage_${process.pid}` });
    const bot = await startTestBotUnready({ store });
    try {
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${bot.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.text()).toMatch(/database: .*(ECONNREFUSED|connect)/);
      await expect.poll(() => bot.logLines.join(''), { timeout: 5000 }).toMatch(/"msg":"database unavailable; \/readyz fails until it answers; retrying"/);

      const admin = await openDatabase({ kind: 'postgres', url: POSTGRES_URL });
      await admin.db.schema.createSchema(`outage_${process.pid}`).ifNotExists().execute();
      const proxy = await startProxy(port, url);
      try {
        await expect.poll(async () => (await fetch(`${bot.url}/readyz`)).status, { timeout: 20_000, interval: 250 }).toBe(200);
        expect(bot.isReady()).toBe(true);
      } finally {
        await bot.stop();
        proxy.sockets.forEach((s) => s.destroy());
        await new Promise((r) => proxy.server.close(r));
        await admin.db.schema.dropSchema(`outage_${process.pid}`).ifExists().cascade().execute();
        await admin.close();
      }
    } catch (err) {
      await bot.stop().catch(() => undefined);
      throw err;
    }
  });
});
