import type { PagerOutcome } from '../../escalation/ports/pager.ts';

function describeBody(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { message, errors, status } = body as { message?: unknown; errors?: unknown; status?: unknown };
  const parts: string[] = [];
  if (typeof message === 'string') parts.push(message);
  else if (typeof status === 'string') parts.push(status);
  if (Array.isArray(errors)) parts.push(...errors.filter((e): e is string => typeof e === 'string'));
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * Events API v2 answers: 202 accepted; 400 the event is invalid (retrying cannot help);
 * 429 rate limited and 5xx PagerDuty trouble (retry later). Other 4xx (404 wrong URL, 413 too
 * large) are configuration or payload errors: permanent. 408 is a timeout: retryable.
 */
export function classifyPagerDutyResponse(status: number, body: unknown, retryAfterHeader?: string | null): PagerOutcome {
  const detail = describeBody(body);
  if (status >= 200 && status < 300) return { kind: 'ok', status };
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfterSeconds = retryAfterHeader ? Number(retryAfterHeader) : NaN;
    return {
      kind: 'retryable',
      status,
      message: detail ?? (status === 429 ? 'rate limited' : 'server error'),
      ...(Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0 ? { retryAfterMs: retryAfterSeconds * 1000 } : {}),
    };
  }
  return { kind: 'permanent', status, message: detail ?? `HTTP ${status}` };
}
