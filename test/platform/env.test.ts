import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../src/platform/config/env.ts';

describe('environment', () => {
  it('runs in local mode with no Slack token, on the defaults of the contract', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ slackMode: 'local', port: 3000, infraConfigPath: 'config/infra.yaml', databaseUrl: undefined, pagerdutyEventsUrl: 'https://events.pagerduty.com' });
  });

  it('needs SLACK_SIGNING_SECRET in HTTP mode, with a message that says where to find it', () => {
    expect(() => readEnv({ SLACK_BOT_TOKEN: 'xoxb-1234567' })).toThrow(EnvError);
    expect(() => readEnv({ SLACK_BOT_TOKEN: 'xoxb-1234567' })).toThrow(/SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set/);
  });

  it('selects Socket Mode with an app-level token', () => {
    expect(readEnv({ SLACK_BOT_TOKEN: 'xoxb-1234567', SLACK_APP_TOKEN: 'xapp-1-abcdef' }).slackMode).toBe('socket');
    expect(() => readEnv({ SLACK_BOT_TOKEN: 'xoxb-1234567', SLACK_APP_TOKEN: 'xoxb-wrong' })).toThrow(/xapp-/);
  });

  it('reads secrets from files named by *_FILE and accepts several PagerDuty webhook secrets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, 'token'), 'xoxb-from-file-123\n');
    const env = readEnv({ SLACK_BOT_TOKEN_FILE: join(dir, 'token'), SLACK_SIGNING_SECRET: 'secret-123456', PAGERDUTY_WEBHOOK_SECRET: 'old-secret-1, new-secret-2' });
    expect(env.secrets.slackBotToken).toBe('xoxb-from-file-123');
    expect(env.secrets.pagerdutyWebhookSecrets).toEqual(['old-secret-1', 'new-secret-2']);
    expect(env.secretValues).toEqual(expect.arrayContaining(['xoxb-from-file-123', 'secret-123456', 'old-secret-1', 'new-secret-2']));
  });

  it('rejects a bad PORT and a bad URL with every problem listed', () => {
    try {
      readEnv({ PORT: 'eighty', SLACK_API_URL: 'not a url' });
      throw new Error('expected an error');
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/SLACK_API_URL/);
    }
  });

  it('npm start exits non-zero with a clear message when a required variable is missing in HTTP mode', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-1234567', PORT: '0', DATABASE_URL: 'sqlite::memory:' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set');
  });

  it('npm start refuses an invalid config file, listing its errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, 'infra.yaml');
    writeFileSync(file, 'leads: [nobody]\nchannels: {}\npeople: []\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, INFRA_CONFIG: file, PORT: '0', DATABASE_URL: 'sqlite::memory:' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${file}:1: leads[0]: unknown person "nobody"`);
    expect(r.stderr).toMatch(new RegExp(`${file}:2: channels\\.announcements: `));
  });
});
