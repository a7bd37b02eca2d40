import { createHash } from 'node:crypto';

/**
 * A short id derived from a key taken from a Slack payload (a view id, a trigger id): the same key
 * always gives the same id, so a retried delivery finds the record the first one made.
 */
export function stableId(prefix: string, key: string, length = 12): string {
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, length)}`;
}
