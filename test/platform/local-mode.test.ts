import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/platform/config/env.ts';
import { startLocalModeBot, type TestBot } from '../helpers/start-test-bot.ts';

function get(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('environment: an empty variable is unset', () => {
  it('SLACK_API_URL="" (as Kubernetes manifests set it) starts instead of failing with "Invalid URL"', () => {
    const env = readEnv({ SLACK_API_URL: '', SLACK_BOT_TOKEN: '', PORT: '', DATABASE_URL: '  ', GITHUB_TOKEN: '' });
    expect(env).toMatchObject({ slackApiUrl: undefined, slackMode: 'local', port: 3000, databaseUrl: undefined });
    expect(env.secrets.githubToken).toBeUndefined();
    expect(env.value('SLACK_API_URL')).toBeUndefined();
  });

  it('binds local mode to 127.0.0.1 unless HOST says otherwise; HTTP mode to every interface', () => {
    expect(readEnv({}).host).toBe('127.0.0.1');
    expect(readEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1234567', SLACK_SIGNING_SECRET: 'secret-123456' }).host).toBe('0.0.0.0');
  });
});

describe('local mode answers only this machine', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startLocalModeBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('listens on 127.0.0.1', () => {
    expect((bot.server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('refuses a request whose Host is another name (a DNS-rebinding page), serves localhost', async () => {
    expect(await get(bot.port, '/sandbox', 'evil.example.com')).toBe(403);
    expect(await get(bot.port, '/slack-emulator/api/auth.test', `attacker.test:${bot.port}`)).toBe(403);
    expect(await get(bot.port, '/healthz', `localhost:${bot.port}`)).toBe(200);
    expect(await get(bot.port, '/healthz', `127.0.0.1:${bot.port}`)).toBe(200);
  });
});

describe('npm start in local mode', () => {
  it('says in its start-up line that it listens on 127.0.0.1 only', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      for (let i = 0; i < 200 && !out.includes('sandbox:'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toMatch(/k8s-infra-bot sandbox: http:\/\/localhost:\d+\/sandbox .*listening on 127\.0\.0\.1 only/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
