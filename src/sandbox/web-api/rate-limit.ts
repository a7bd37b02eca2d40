import type { ApiResponse, WebApiContext } from './context.ts';

/** chat.postMessage: about 1 message per second per channel; past it Slack answers HTTP 429 with Retry-After. */
export function rateLimited(ctx: WebApiContext, channelId: string): ApiResponse | undefined {
  if (!ctx.rateLimit) return undefined;
  const last = ctx.lastPostAt.get(channelId);
  const now = ctx.ws.nowMs();
  if (last === undefined || now - last >= 1000) return undefined;
  const retryAfter = Math.max(1, Math.ceil((last + 1000 - now) / 1000));
  return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
}
