import type { WebClient } from '@slack/web-api';
import { resolveSubproject, type SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import { UserFacingError } from '../../platform/commands/command-router.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';

/** A subproject id (or a service / alias of one) typed by a person; unknown input names the closest match. */
export function subprojectOrThrow(config: SubprojectsAndServices, typed: string): string {
  const found = resolveSubproject(config, typed);
  if (found.kind === 'found') return found.subprojectId;
  const hint = found.suggestion ? ` Did you mean \`${found.suggestion}\`?` : '';
  throw new UserFacingError(`There is no subproject \`${typed}\`.${hint} Subprojects: ${config.subprojects.map((s) => s.id).join(', ')}.`);
}

/** The reader's timezone: Slack's users.info `tz`, else the config's, else UTC. */
export async function userZone(client: WebClient, people: Pick<PeopleDirectory, 'bySlackId'>, slackId: string): Promise<string> {
  try {
    const info = await client.users.info({ user: slackId });
    if (info.user?.tz) return info.user.tz;
  } catch {
    // users.info failing must not block an answer: fall back to the config.
  }
  return people.bySlackId(slackId)?.timezone ?? 'UTC';
}
