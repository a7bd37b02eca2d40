import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from 'pino';

/** Bolt's logger interface over pino, so Bolt's own lines are JSON and redacted too. */
export function boltLogger(log: Logger): SlackLogger {
  const child = log.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => child.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => child.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => child.error(m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
