import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/platform/config/env.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';

function capture(secretValues: string[] = []) {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', secretValues, destination: { write: (s: string) => void lines.push(s) } });
  return { log, lines };
}

describe('logger', () => {
  it('writes JSON lines with the level as a word', () => {
    const { log, lines } = capture();
    log.info({ subcommand: 'help' }, 'handled');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'info', msg: 'handled', subcommand: 'help', service: 'k8s-infra-bot' });
  });

  it('redacts secret fields by name, and phone numbers', () => {
    const { log, lines } = capture();
    log.info({ token: 'xoxb-aaa', req: { headers: { authorization: 'Bearer xoxb-bbb' } }, person: { phone: '+14155550100' }, routing_key: 'R0UT1NG' }, 'x');
    const out = lines.join('');
    expect(out).not.toMatch(/xoxb-aaa|xoxb-bbb|\+14155550100|R0UT1NG/);
    expect(out).toContain('[redacted]');
  });

  it('scrubs a configured secret value wherever it appears, even inside a message or an error', () => {
    const { log, lines } = capture(['xoxb-very-secret-token']);
    log.error({ err: new Error('call failed with token xoxb-very-secret-token') }, 'posting with xoxb-very-secret-token failed');
    const out = lines.join('');
    expect(out).not.toContain('xoxb-very-secret-token');
    expect(out.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('scrubs a capability secret (SMTP_URL) read after the logger was made', () => {
    const env = readEnv({ SMTP_URL: 'smtp://bot:relay-password-42@relay.example.org:587' });
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secretValues: env.secretValues, destination: { write: (s: string) => void lines.push(s) } });
    log.info('before: smtp://bot:relay-password-42@relay.example.org:587 is not read yet');
    expect(env.secret('SMTP_URL')).toBe('smtp://bot:relay-password-42@relay.example.org:587');
    log.error({ err: new Error('connect smtp://bot:relay-password-42@relay.example.org:587 refused') }, 'notice not sent');
    expect(lines[0]).toContain('relay-password-42');
    expect(lines[1]).not.toContain('relay-password-42');
    expect(lines[1]).toContain('[redacted]');
  });
});
