import type { CoreConfig } from '../../platform/config/core-schema.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { mayOverride } from '../domain/rota-policy.ts';
import { formatDuration } from '../domain/validate-override.ts';
import type { RotaRefusals } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';
import type { RotaSettings } from '../settings.ts';
import type { OverrideModalInput } from '../views/rota-override-modal.ts';

const DAY = 86_400_000;

export interface PrepareOverrideFormDeps {
  model: Pick<RotaModel, 'rotaSubprojects' | 'layers'>;
  config: Pick<CoreConfig, 'leads'>;
  people: Pick<PeopleDirectory, 'bySlackId'>;
  settings: Pick<RotaSettings, 'maxOverrideMs'>;
  refusals: RotaRefusals;
}

export type OverrideFormResult = { kind: 'refused'; message: string } | { kind: 'form'; form: OverrideModalInput };

/**
 * `/k8s-infra override [subproject]`: the subprojects the asker may cover (owners and leads), and
 * the form's defaults: the asker covering the current shift, at most the longest override.
 */
export async function prepareOverrideForm(deps: PrepareOverrideFormDeps, request: { slackUser: string; subprojectId?: string | undefined; now: Date }): Promise<OverrideFormResult> {
  const asker = deps.people.bySlackId(request.slackUser)?.id;
  const choices = deps.model.rotaSubprojects().filter((s) => mayOverride(asker, s, deps.config.leads));
  const asked = request.subprojectId;
  const refusal =
    choices.length === 0
      ? 'Only owners of a subproject with a rotation, or the group’s leads, can create overrides. Ask an owner (`/k8s-infra owners`).'
      : asked && !choices.some((s) => s.id === asked)
        ? `Only owners of \`${asked}\` or the group’s leads can create overrides for it.`
        : undefined;
  if (refusal) {
    await deps.refusals.record({ actor: request.slackUser, action: 'override', subject: `subproject:${asked ?? '*'}`, reason: 'not an owner or a lead' });
    return { kind: 'refused', message: refusal };
  }
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
