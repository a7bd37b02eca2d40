import { utcWeekStart } from '../domain/staffing.ts';
import { ownershipEffect, type OwnershipChange } from '../domain/ownership-change.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';

/** The charter effect of a change on a subproject, as of the UTC week of `now`. */
export function effectOf(deps: Pick<NominationDeps, 'subprojects' | 'people'>, subprojectId: string, change: OwnershipChange, now: Date) {
  const s = deps.subprojects.find((x) => x.id === subprojectId);
  if (!s) throw new Error(`unknown subproject ${subprojectId}`);
  return ownershipEffect({ id: s.id, name: s.name ?? s.id, owners: s.owners, bootstrapping: s.bootstrapping ?? false }, deps.people, change, utcWeekStart(now));
}

/** The manual steps a person does after an owner is added or removed: the checklist on the issue. */
export function checklist(deps: Pick<NominationDeps, 'settings' | 'subprojects'>, kind: 'add' | 'remove', personId: string, subprojectId: string, shadowUntil?: Date): string[] {
  const s = deps.subprojects.find((x) => x.id === subprojectId);
  const verb = kind === 'add' ? 'Add' : 'Remove';
  return [
    deps.settings.configFile ? `Merge the pull request editing \`owners:\` of ${subprojectId} in ${deps.settings.configFile.path} (opened by the bot)` : `${verb} ${personId} in \`owners:\` of ${subprojectId} in the bot's infra.yaml`,
    `${verb} ${personId} in the subproject's OWNERS / OWNERS_ALIASES entries`,
    `${verb} ${personId} in the subproject's groups in groups.yaml`,
    ...(kind === 'add' && s?.rotations.length
      ? [`Shadow ${s.rotations.join(', ')}${shadowUntil ? ` until ${shadowUntil.toISOString().slice(0, 10)}` : ''}, then add ${personId} to the rotation's participants`]
      : kind === 'remove' && s?.rotations.length
        ? [`Remove ${personId} from the participants of ${s.rotations.join(', ')} (hand over their coming shifts first)`]
        : []),
    `${verb} ${personId} in the subproject's Slack user group and mailing lists`,
  ];
}
