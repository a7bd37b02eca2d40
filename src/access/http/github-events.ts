import type { GithubEventOutcome } from '../../platform/capability.ts';
import { recordPullRequestClosed } from '../domain/access-request-lifecycle.ts';
import { parsePullRequestClosed } from '../../integrations/github/webhook-events.ts';
import type { AccessService } from '../access-service.ts';

/**
 * GitHub events for access requests: a closed pull request from one of the bot's access branches
 * marks the request fulfilled (merged) or closed, and a push to the groups branch reloads the catalog.
 */
export async function handleGithubEvent(service: AccessService, event: string, payload: unknown): Promise<GithubEventOutcome> {
  const { config, access, log, clock } = service.deps;
  if (event === 'push') {
    const ref = (payload as { ref?: unknown }).ref;
    if (ref !== `refs/heads/${config.access.branch}`) return { handled: false };
    void access.catalog.refresh().catch((err: unknown) => log.error({ err }, 'catalog reload after push failed'));
    return { handled: true, outcome: 'catalog-reload', accepted: true };
  }
  const closed = parsePullRequestClosed(event, payload);
  if (!closed || (closed.baseRepo && closed.baseRepo.toLowerCase() !== config.access.repo.toLowerCase())) return { handled: false };
  const request = await service.repo.findByBranch(closed.branch);
  if (!request) return { handled: false };
  const t = await service.mutate(request.id, (r) => recordPullRequestClosed(r, closed, clock.now(), service.policy));
  return { handled: true, outcome: `${request.id}: ${t?.outcome ?? 'gone'}` };
}
