import { resolveSubproject, type SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import { UserFacingError } from '../../platform/commands/command-router.ts';

/** A subproject id (or a service or alias of one) typed by a person; unknown input names the closest match. */
export function subprojectOrThrow(config: SubprojectsAndServices, typed: string): string {
  const found = resolveSubproject(config, typed);
  if (found.kind === 'found') return found.subprojectId;
  const hint = found.suggestion ? ` Did you mean \`${found.suggestion}\`?` : '';
  throw new UserFacingError(`There is no subproject \`${typed}\`.${hint} Subprojects: ${config.subprojects.map((s) => s.id).join(', ')}.`);
}
