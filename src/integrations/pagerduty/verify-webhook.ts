import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookVerification =
  | { ok: true }
  | { ok: false; reason: 'no-secret-configured' | 'missing-signature' | 'malformed-signature' | 'mismatch' };

const SIGNATURE = /^v1=([0-9a-f]{64})$/i;

/**
 * Checks `X-PagerDuty-Signature` (webhooks v3): one or more comma-separated `v1=<hex HMAC-SHA256
 * of the raw body>`. During a rotation PagerDuty signs with old and new secrets, and we may be
 * configured with both: any signature matching any secret passes. `rawBody` must be the bytes as
 * received (re-serialised JSON would not match). Comparison is constant-time per candidate.
 */
export function verifyPagerDutySignature(
  rawBody: string | Uint8Array,
  header: string | readonly string[] | undefined,
  secrets: readonly string[],
): WebhookVerification {
  const usable = secrets.filter((s) => s.length > 0);
  if (usable.length === 0) return { ok: false, reason: 'no-secret-configured' };
  const joined = typeof header === 'string' ? header : header?.join(',');
  if (!joined || joined.trim() === '') return { ok: false, reason: 'missing-signature' };

  const values = joined.split(',').map((v) => v.trim()).filter((v) => v !== '');
  // Other versions (v2=...) may appear one day; we ignore them but need at least one v1.
  const provided = values
    .filter((v) => v.toLowerCase().startsWith('v1='))
    .map((v) => SIGNATURE.exec(v)?.[1])
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, 'hex'));
  if (provided.length === 0) return { ok: false, reason: 'malformed-signature' };

  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  let matched = false;
  for (const secret of usable) {
    const expected = createHmac('sha256', secret).update(body).digest();
    for (const candidate of provided) {
      // timingSafeEqual throws on unequal lengths; the regex already fixes 32 bytes, keep the guard.
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
    }
  }
  return matched ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** The header value PagerDuty would send for `rawBody` signed with each secret (for tests and the emulator). */
export function signPagerDutyWebhook(rawBody: string | Uint8Array, secrets: readonly string[]): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return secrets.map((s) => `v1=${createHmac('sha256', s).update(body).digest('hex')}`).join(',');
}
