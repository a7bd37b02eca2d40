import type { WebClient } from '@slack/web-api';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import { UserFacingError } from '../../platform/commands/command-router.ts';
import { resolveSubproject } from '../../core/resolve-subproject.ts';

/** A subproject id (or a service / alias of one) typed by a person; unknown input names the closest match. */
export function subprojectOrThrow(deps: OnCallDeps, typed: string): string {
  const found = resolveSubproject(deps.config, typed);
  if (found.kind === 'found') return found.subprojectId;
  const hint = found.suggestion ? ` Did you mean \`${found.suggestion}\`?` : '';
  throw new UserFacingError(`There is no subproject \`${typed}\`.${hint} Subprojects: ${deps.config.subprojects.map((s) => s.id).join(', ')}.`);
}

/** The reader's timezone: Slack's users.info `tz`, else the config's, else UTC. */
export async function userZone(client: WebClient, deps: OnCallDeps, slackId: string): Promise<string> {
  try {
    const info = await client.users.info({ user: slackId });
    if (info.user?.tz) return info.user.tz;
  } catch {
    // users.info failing must not block an answer: fall back to the config.
  }
  return deps.people.bySlackId(slackId)?.timezone ?? 'UTC';
}

/** Person id of a Slack user (config people), or undefined for someone not in the list. */
export function personIdOf(deps: OnCallDeps, slackId: string | undefined | null): string | undefined {
  return slackId ? deps.people.bySlackId(slackId)?.id : undefined;
}
