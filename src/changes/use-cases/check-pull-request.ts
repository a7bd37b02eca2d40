import type { PullRequestRef } from '../domain/change.ts';
import type { ChangeDeps } from './change-deps.ts';

/**
 * Whether the PR exists, answered within `withinMs` (the form must answer Slack within 3 s):
 * `unknown` when GitHub is slow or down; the change is announced then and the PR read later.
 */
export async function checkPullRequest(deps: Pick<ChangeDeps, 'pulls'>, pr: PullRequestRef, withinMs: number): Promise<'exists' | 'not-found' | 'unknown'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'unknown'>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), withinMs);
  });
  try {
    const answer = deps.pulls.head(pr.repo, pr.number).then(
      (h) => (h === 'not-found' ? ('not-found' as const) : ('exists' as const)),
      () => 'unknown' as const,
    );
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
