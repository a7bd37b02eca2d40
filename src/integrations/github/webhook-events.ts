import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `X-Hub-Signature-256: sha256=<hex>` (HMAC-SHA256 of the raw body with the webhook
 * secret) in constant time. The raw bytes must be the ones received, before any JSON parsing.
 */
export function verifyGithubSignature(secret: string, rawBody: string | Uint8Array, header: string | string[] | undefined): boolean {
  if (!secret) return false;
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string') return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(value.trim());
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).digest();
  const given = Buffer.from(m[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface PullRequestClosedEvent {
  number: number;
  merged: boolean;
  /** Head branch name, e.g. `k8s-infra-bot/access-…`. */
  branch: string;
  /** `owner/name` of the head repository (a fork when the bot pushes to one). */
  headRepo: string | undefined;
  /** `owner/name` of the repository the pull request targets. */
  baseRepo: string | undefined;
  baseBranch: string | undefined;
  url: string;
  mergedAt: string | undefined;
  /** GitHub login of whoever closed or merged it. */
  sender: string | undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The fields of a `pull_request` event with action `closed` (merged or not) that match it to a
 * request; undefined for any other event or action. `eventName` is the `X-GitHub-Event` header.
 */
export function parsePullRequestClosed(eventName: string | undefined, payload: unknown): PullRequestClosedEvent | undefined {
  if (eventName !== 'pull_request') return undefined;
  const body = record(payload);
  if (!body || body.action !== 'closed') return undefined;
  const pr = record(body.pull_request);
  const number = typeof body.number === 'number' ? body.number : typeof pr?.number === 'number' ? pr.number : undefined;
  const head = record(pr?.head);
  const base = record(pr?.base);
  const branch = str(head?.ref);
  if (!pr || number === undefined || !branch) return undefined;
  return {
    number,
    merged: pr.merged === true,
    branch,
    headRepo: str(record(head?.repo)?.full_name),
    baseRepo: str(record(base?.repo)?.full_name) ?? str(record(body.repository)?.full_name),
    baseBranch: str(base?.ref),
    url: str(pr.html_url) ?? '',
    mergedAt: str(pr.merged_at),
    sender: str(record(body.sender)?.login),
  };
}
