import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's rule: a signed request is valid within five minutes either side of now. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type Verification = { ok: true } | { ok: false; reason: string };

/**
 * `X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{raw body}">` with the signing secret,
 * and `X-Slack-Request-Timestamp` in whole seconds within five minutes of now, in the past or the
 * future (a replayed request, or one from a clock in milliseconds, is refused).
 */
export function verifySlackRequest(args: { signingSecret: string; rawBody: string; signature: string | undefined; timestamp: string | undefined; nowMs: number }): Verification {
  if (!args.signingSecret) return { ok: false, reason: 'no signing secret configured' };
  if (!args.signature || !args.timestamp) return { ok: false, reason: 'signature or timestamp header missing' };
  if (!/^\d{1,10}$/.test(args.timestamp)) return { ok: false, reason: 'timestamp is not whole seconds' };
  const skew = Math.abs(Math.floor(args.nowMs / 1000) - Number(args.timestamp));
  if (skew > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: `timestamp is ${skew} s away from now (limit ${SIGNATURE_WINDOW_SECONDS} s)` };
  const m = /^v0=([0-9a-f]{64})$/.exec(args.signature);
  if (!m) return { ok: false, reason: 'signature is not v0=<64 hex>' };
  const expected = createHmac('sha256', args.signingSecret).update(`v0:${args.timestamp}:${args.rawBody}`).digest();
  const given = Buffer.from(m[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
