import type { Logger } from 'pino';
import type { GithubEventOutcome } from '../../platform/capability.ts';
import { parsePullRequestClosed } from '../../integrations/github/webhook-events.ts';
import type { GroupsCatalog } from '../ports/groups-catalog.ts';
import { recordPullRequestClosed, type RecordPullRequestClosedDeps } from '../use-cases/record-pull-request-closed.ts';

export interface GithubEventsDeps {
  closed: RecordPullRequestClosedDeps;
  catalog: GroupsCatalog;
  /** `access.repo` and `access.branch`: the groups repository and its branch. */
  repo: string;
  branch: string;
  log: Pick<Logger, 'error'>;
}

/**
 * GitHub events for access requests: a closed pull request from one of the bot's access branches
 * marks the request fulfilled (merged) or closed, and a push to the groups branch reloads the
 * catalog (answered at once; the reload goes on behind).
 */
export async function handleGithubEvent(deps: GithubEventsDeps, event: string, payload: unknown): Promise<GithubEventOutcome> {
  if (event === 'push') {
    if (refOf(payload) !== `refs/heads/${deps.branch}`) return { handled: false };
    void deps.catalog.refresh().catch((err: unknown) => deps.log.error({ err }, 'catalog reload after push failed'));
    return { handled: true, outcome: 'catalog-reload', accepted: true };
  }
  const closed = parsePullRequestClosed(event, payload);
  // Only pull requests into the groups repository: a number means nothing in another one.
  if (!closed || !closed.baseRepo || closed.baseRepo.toLowerCase() !== deps.repo.toLowerCase()) return { handled: false };
  const recorded = await recordPullRequestClosed(deps.closed, closed);
  if (!recorded) return { handled: false };
  if ('ignored' in recorded) return { handled: true, outcome: `${recorded.requestId}: ignored (${recorded.ignored})`, accepted: true };
  return { handled: true, outcome: `${recorded.requestId}: ${recorded.outcome}` };
}

function refOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && 'ref' in payload ? payload.ref : undefined;
}
