export interface RetryScheduleOptions {
  /** Delay before the first retry; doubles each attempt. */
  baseMs?: number;
  /** No single wait is longer than this. */
  capMs?: number;
  /** Attempts (including the first) after which we give up. */
  maxAttempts?: number;
  /** A server's Retry-After, taken as a floor. */
  retryAfterMs?: number;
  /** [0, 1); injectable so tests are exact. */
  random?: () => number;
}

export const DEFAULT_RETRY_SCHEDULE = { baseMs: 10_000, capMs: 10 * 60_000, maxAttempts: 8 } as const;

/**
 * When to try again after `attempt` failed attempts (1 = the first call failed), or undefined to
 * give up. Exponential backoff with "equal jitter": half the capped delay is fixed, half random,
 * so replicas retrying the same rate limit spread out but never retry sooner than half the delay.
 * Defaults: about 10s, 20s, 40s ... capped at 10 min, 8 attempts in all (about 20 minutes).
 */
export function nextRetryAt(attempt: number, now: Date, options: RetryScheduleOptions = {}): Date | undefined {
  const { baseMs, capMs, maxAttempts } = { ...DEFAULT_RETRY_SCHEDULE, ...options };
  const random = options.random ?? Math.random;
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  if (attempt >= maxAttempts) return undefined;
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  const wait = Math.max(jittered, options.retryAfterMs ?? 0);
  return new Date(now.getTime() + Math.round(wait));
}
