import { Octokit } from '@octokit/rest';

export interface BoundedGithubClientOptions {
  token?: string | undefined;
  baseUrl?: string | undefined;
  /** No request waits longer than this (GitHub answering slowly must not hold a job for minutes). */
  timeoutMs: number;
}

/**
 * An Octokit whose every request has a deadline, pointed at GITHUB_API_URL (a fake in tests,
 * never a module mock). Octokit itself sets no timeout on its fetch.
 */
export function createBoundedGithubClient(options: BoundedGithubClientOptions): Octokit {
  const timeoutMs = options.timeoutMs;
  const boundedFetch: typeof fetch = (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline });
  };
  return new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, '') } : {}),
    userAgent: 'k8s-infra-bot',
    request: { fetch: boundedFetch },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
