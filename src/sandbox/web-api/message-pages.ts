import type { SlackMessage } from '../slack-workspace.ts';
import { bool, str } from './args.ts';
import { ApiError, type Args } from './context.ts';

/**
 * Paging through messages the way conversations.history and .replies do: `oldest`/`latest`
 * bound the range (exclusive unless `inclusive`), `limit` sizes a page, and the cursor names the
 * ts where the next page starts, so messages posted between two pages do not shift it.
 */

/** A message ts ("1772442000.000001") as integer microseconds: a double cannot hold 16 digits exactly. */
export function tsMicros(ts: string): bigint | undefined {
  const m = /^(\d+)(?:\.(\d{0,6}))?$/.exec(ts);
  if (!m) return undefined;
  return BigInt(m[1] ?? '0') * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'));
}

function bound(args: Args, key: 'oldest' | 'latest'): bigint | undefined {
  const raw = str(args, key);
  if (raw === undefined) return undefined;
  const v = tsMicros(raw);
  if (v === undefined) throw new ApiError(`invalid_ts_${key}`);
  return v;
}

export function inRange(args: Args): (m: SlackMessage) => boolean {
  const oldest = bound(args, 'oldest');
  const latest = bound(args, 'latest');
  const inclusive = bool(args, 'inclusive');
  return (m) => {
    const t = tsMicros(m.ts) ?? 0n;
    if (oldest !== undefined && (inclusive ? t < oldest : t <= oldest)) return false;
    if (latest !== undefined && (inclusive ? t > latest : t >= latest)) return false;
    return true;
  };
}

const encodeCursor = (ts: string) => Buffer.from(`next_ts:${ts}`).toString('base64url');

/** One page of `messages` (already in the method's order: newest first, or oldest first). */
export function pageOfMessages(messages: SlackMessage[], args: Args, order: 'newest_first' | 'oldest_first', limits: { default: number; max: number }): { page: SlackMessage[]; next: string } {
  const asked = Number(str(args, 'limit') ?? limits.default);
  const limit = Math.min(Math.max(Number.isFinite(asked) && asked > 0 ? Math.floor(asked) : limits.default, 1), limits.max);
  const cursor = str(args, 'cursor');
  let start = 0;
  if (cursor) {
    const m = /^next_ts:(.+)$/.exec(Buffer.from(cursor, 'base64url').toString());
    const from = m ? tsMicros(m[1] ?? '') : undefined;
    if (from === undefined) throw new ApiError('invalid_cursor');
    // The first message at or past the cursor's ts, in the page order (it may have been deleted since).
    start = messages.findIndex((msg) => {
      const t = tsMicros(msg.ts) ?? 0n;
      return order === 'newest_first' ? t <= from : t >= from;
    });
    if (start < 0) start = messages.length;
  }
  const page = messages.slice(start, start + limit);
  const following = messages[start + limit];
  return { page, next: following ? encodeCursor(following.ts) : '' };
}
