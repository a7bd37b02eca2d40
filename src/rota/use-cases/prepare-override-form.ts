import type { CoreConfig } from '../../platform/config/core-schema.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { mayOverride } from '../domain/rota-policy.ts';
import { formatDuration } from '../domain/validate-override.ts';
import type { RotaModel } from '../rota-model.ts';
import type { RotaSettings } from '../settings.ts';
import type { OverrideModalInput } from '../views/rota-override-modal.ts';

const DAY = 86_400_000;

export interface PrepareOverrideFormDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layers'>;
  config: Pick<CoreConfig, 'leads'>;
  people: Pick<PeopleDirectory, 'bySlackId'>;
  settings: Pick<RotaSettings, 'maxOverrideMs'>;
}

export type OverrideFormResult = { kind: 'refused'; message: string } | { kind: 'form'; form: OverrideModalInput };

/**
 * `/k8s-infra override [subproject]`: the subprojects the asker may cover (owners and leads), and
 * the form's defaults: the asker covering the current shift, at most the longest override.
 */
export async function prepareOverrideForm(deps: PrepareOverrideFormDeps, request: { slackUser: string; subprojectId?: string | undefined; now: Date }): Promise<OverrideFormResult> {
  const asker = deps.people.bySlackId(request.slackUser)?.id;
  const choices = deps.model.rotaSubprojects().filter((s) => mayOverride(asker, s, deps.config.leads));
  if (choices.length === 0) {
    return { kind: 'refused', message: 'Only owners of a subproject with a rotation, or the group’s leads, can create overrides. Ask an owner (`/k8s-infra owners`).' };
  }
  const asked = request.subprojectId;
  if (asked && !choices.some((s) => s.id === asked)) return { kind: 'refused', message: `Only owners of \`${asked}\` or the group’s leads can create overrides for it.` };
  const subprojectId = asked ?? choices[0]!.id;
  // The modal's pickers work in minutes.
  const now = new Date(Math.floor(request.now.getTime() / 60_000) * 60_000);
  const layers = await deps.model.layers(subprojectId, now, new Date(now.getTime() + 60 * DAY));
  const current = layers.shifts(now, new Date(now.getTime() + 1))[0];
  const to = current && current.primaryEnd.getTime() > now.getTime() ? current.primaryEnd : new Date(now.getTime() + DAY);
  const max = deps.settings.maxOverrideMs;
  return {
    kind: 'form',
    form: {
      subprojects: choices.map((s) => ({ id: s.id, name: s.name })),
      initialSubproject: subprojectId,
      initialUser: request.slackUser,
      from: now,
      to: new Date(Math.min(to.getTime(), now.getTime() + max)),
      maxLabel: formatDuration(max),
    },
  };
}
