import { Octokit } from '@octokit/rest';

export interface GithubClientOptions {
  /** GITHUB_TOKEN; without it only public reads work (and at a low rate limit). */
  token?: string;
  /** GITHUB_API_URL (GitHub Enterprise, or a fake server in tests); default https://api.github.com. */
  baseUrl?: string | undefined;
  /** No request waits longer than this (default 15 s): GitHub answering slowly must not hold a job for minutes. */
  timeoutMs?: number;
}

export const GITHUB_REQUEST_TIMEOUT_MS = 15_000;

/**
 * The one Octokit the bot uses; `baseUrl` points it at a fake in tests, never a module mock.
 * Octokit itself sets no timeout on its fetch, so every request gets a deadline here (a caller's
 * own signal still applies).
 */
export function createGithubClient(options: GithubClientOptions = {}): Octokit {
  const timeoutMs = options.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS;
  const boundedFetch: typeof fetch = (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
  };
  return new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    userAgent: 'k8s-infra-bot',
    request: { fetch: boundedFetch },
    // Octokit logs 4xx/5xx warnings itself; the caller decides what is worth logging.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

export function splitRepo(fullName: string): { owner: string; repo: string } {
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length > 0) throw new Error(`expected owner/name, got ${JSON.stringify(fullName)}`);
  return { owner, repo };
}

/** HTTP status of an Octokit RequestError, if that is what `err` is. */
export function httpStatus(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err && typeof (err as { status: unknown }).status === 'number'
    ? (err as { status: number }).status
    : undefined;
}

/** Messages GitHub puts in a 422 body (top-level and per-field). */
export function validationMessages(err: unknown): string {
  const data = (err as { response?: { data?: { message?: unknown; errors?: unknown } } } | undefined)?.response?.data;
  const parts: string[] = [];
  if (typeof data?.message === 'string') parts.push(data.message);
  if (Array.isArray(data?.errors)) {
    for (const e of data.errors) if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') parts.push((e as { message: string }).message);
  }
  return parts.join(' ');
}
