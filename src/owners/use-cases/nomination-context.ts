import { utcWeekStart } from '../domain/staffing.ts';
import { botSteps, type BotStep } from '../domain/owner-change-steps.ts';
import { ownershipEffect, type OwnershipChange } from '../domain/ownership-change.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';

/** The charter effect of a change on a subproject, as of the UTC week of `now`. */
export function effectOf(deps: Pick<NominationDeps, 'subprojects' | 'people'>, subprojectId: string, change: OwnershipChange, now: Date) {
  const s = deps.subprojects.find((x) => x.id === subprojectId);
  if (!s) throw new Error(`unknown subproject ${subprojectId}`);
  return ownershipEffect({ id: s.id, name: s.name ?? s.id, owners: s.owners, bootstrapping: s.bootstrapping ?? false }, deps.people, change, utcWeekStart(now));
}

/** The edits the bot makes for this change (pull requests), named as on the checklist. */
export function stepsOf(deps: Pick<NominationDeps, 'settings' | 'people'>, kind: 'add' | 'remove', personId: string, subprojectId: string): BotStep[] {
  const p = deps.people.find((x) => x.id === personId);
  return botSteps({ configFile: deps.settings.configFile, files: deps.settings.subprojects[subprojectId] }, kind, { id: personId, github: p?.github ?? personId, email: p?.email }, subprojectId);
}

/** The steps after an owner is added or removed: the checklist on the issue (the bot's pull requests first, ticked as it opens them). */
export function checklist(deps: Pick<NominationDeps, 'settings' | 'subprojects' | 'people'>, kind: 'add' | 'remove', personId: string, subprojectId: string, shadowUntil?: Date): string[] {
  const s = deps.subprojects.find((x) => x.id === subprojectId);
  const verb = kind === 'add' ? 'Add' : 'Remove';
  const steps = stepsOf(deps, kind, personId, subprojectId);
  const has = (k: BotStep['kind'], target?: 'alias' | 'list') => steps.some((x) => x.kind === k && (!target || (x.kind === 'owners-file' && x.target.kind === target)));
  return [
    ...steps.map((x) => x.text),
    ...(has('config') ? [] : [`${verb} ${personId} in \`owners:\` of ${subprojectId} in the bot's infra.yaml`]),
    ...(has('owners-file') ? [] : [`${verb} ${personId} in the subproject's OWNERS / OWNERS_ALIASES entries`]),
    ...(has('group') ? [] : [`${verb} ${personId} in the subproject's groups in groups.yaml`]),
    ...(steps.length > 0 ? [`Review and merge the bot's pull requests`] : []),
    ...(kind === 'add' && s?.rotations.length
      ? [`Shadow ${s.rotations.join(', ')}${shadowUntil ? ` until ${shadowUntil.toISOString().slice(0, 10)}` : ''}, then add ${personId} to the rotation's participants`]
      : kind === 'remove' && s?.rotations.length
        ? [`Remove ${personId} from the participants of ${s.rotations.join(', ')} (hand over their coming shifts first)`]
        : []),
    `${verb} ${personId} in the subproject's Slack user group and mailing lists`,
  ];
}

/** Whose Home tab shows a nomination: the subproject's owners and the leads (to vote), and the nominee. */
export function homeAudience(deps: Pick<NominationDeps, 'subprojects' | 'leads'>, n: { subprojectId: string; personId: string }): string[] {
  return [...(deps.subprojects.find((s) => s.id === n.subprojectId)?.owners ?? []), ...deps.leads, n.personId];
}
