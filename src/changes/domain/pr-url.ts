import type { PullRequestRef } from './change.ts';

export type PrUrlCheck = { ok: true; pr: PullRequestRef } | { ok: false; reason: string };

const PR_URL = /^https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pull\/(\d{1,9})(?:\/[a-z]*)?\/?(?:[?#].*)?$/;

/**
 * A pull request link as people paste it (`…/pull/123`, `…/pull/123/files`, with an anchor), of
 * one of the repositories the bot reads. The repository's case as configured wins.
 */
export function parsePrUrl(text: string, allowedRepos: readonly string[]): PrUrlCheck {
  const trimmed = text.trim().replace(/^<|>$/g, '');
  const m = PR_URL.exec(trimmed);
  if (!m) return { ok: false, reason: 'That is not a pull request link: paste one like https://github.com/kubernetes/k8s.io/pull/1234' };
  const repo = `${m[1]}/${m[2]}`;
  const allowed = allowedRepos.find((r) => r.toLowerCase() === repo.toLowerCase());
  if (!allowed) return { ok: false, reason: `${repo} is not a repository this bot reads changes from (${allowedRepos.join(', ')}).` };
  const number = Number(m[3]);
  return { ok: true, pr: { repo: allowed, number, url: `https://github.com/${allowed}/pull/${number}` } };
}
