import type { App } from '@slack/bolt';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import { formatDuration, hasErrors, validateOverrideRequest } from '../../rota/domain/validate-override.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';
import { formatUtcShort } from '../../rota/views/rota-format.ts';
import { OVERRIDE_BLOCKS, overrideModal } from '../../rota/views/rota-override-modal.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import { handoffJob } from '../../rota/jobs/handoff-jobs.ts';
import { personIdOf, subprojectOrThrow } from './rota-common.ts';
import type { RotaModel } from '../../rota/rota-model.ts';

const DAY = 86_400_000;

function mayOverride(deps: OnCallDeps, subprojectId: string, slackId: string): boolean {
  return deps.people.isLead(slackId) || deps.people.isOwner(subprojectId, slackId);
}

/** `/k8s-infra override [subproject]`: opens the modal, defaulting to the asker for the current shift. */
export function overrideCommand(deps: OnCallDeps, model: RotaModel) {
  return async (ctx: CommandContext): Promise<void> => {
    const choices = model.rotaSubprojects().filter((s) => mayOverride(deps, s.id, ctx.userId));
    if (choices.length === 0) {
      throw new UserFacingError('Only owners of a subproject with a rotation, or the group’s leads, can create overrides. Ask an owner (`/k8s-infra owners`).');
    }
    const asked = ctx.args[0] ? subprojectOrThrow(deps, ctx.args[0]) : undefined;
    if (asked && !choices.some((s) => s.id === asked)) {
      throw new UserFacingError(`Only owners of \`${asked}\` or the group’s leads can create overrides for it.`);
    }
    const subprojectId = asked ?? choices[0]!.id;
    const now = new Date(Math.floor(ctx.now.getTime() / 60_000) * 60_000);
    const layers = await model.layers(subprojectId, now, new Date(now.getTime() + 60 * DAY));
    const current = layers.shifts(now, new Date(now.getTime() + 1))[0];
    const to = current && current.primaryEnd.getTime() > now.getTime() ? current.primaryEnd : new Date(now.getTime() + DAY);
    await ctx.ack();
    await ctx.client.views.open({
      trigger_id: ctx.triggerId,
      view: overrideModal({
        subprojects: choices.map((s) => ({ id: s.id, name: s.name })),
        initialSubproject: subprojectId,
        initialUser: ctx.userId,
        from: now,
        to: new Date(Math.min(to.getTime(), now.getTime() + model.settings.maxOverrideMs)),
        maxLabel: formatDuration(model.settings.maxOverrideMs),
      }),
    });
  };
}

export function registerOverrideModal(app: App, deps: OnCallDeps, model: RotaModel): void {
  app.view(CALLBACK_IDS.rota.override, async ({ ack, view, body }) => {
    const v = view.state.values;
    const subprojectId = v[OVERRIDE_BLOCKS.subproject]?.[ACTION_IDS.rota.overrideSubproject]?.selected_option?.value ?? '';
    const coverSlack = v[OVERRIDE_BLOCKS.person]?.[ACTION_IDS.rota.overridePerson]?.selected_user;
    const seconds = (block: string, action: string) => {
      const s = v[block]?.[action]?.selected_date_time;
      return typeof s === 'number' ? new Date(s * 1000) : undefined;
    };
    const from = seconds(OVERRIDE_BLOCKS.from, ACTION_IDS.rota.overrideFrom);
    const to = seconds(OVERRIDE_BLOCKS.to, ACTION_IDS.rota.overrideTo);
    const now = deps.clock.now();
    const person = personIdOf(deps, coverSlack);
    const errors: Record<string, string> = {};
    if (!model.subproject(subprojectId) || model.layerRotations(subprojectId).length === 0) errors[OVERRIDE_BLOCKS.subproject] = 'Choose a subproject with a rotation.';
    else if (!mayOverride(deps, subprojectId, body.user.id)) errors[OVERRIDE_BLOCKS.subproject] = `Only owners of ${subprojectId} or the group’s leads can create overrides for it.`;
    const checked = validateOverrideRequest(
      { person: person ?? (coverSlack ? `<@${coverSlack}>` : undefined), from, to },
      { now, maxDurationMs: model.settings.maxOverrideMs, knownPeople: deps.config.people.map((p) => p.id) },
    );
    if (checked.person) errors[OVERRIDE_BLOCKS.person] = coverSlack && !person ? 'That person is not in the people list of the config.' : checked.person;
    if (checked.from) errors[OVERRIDE_BLOCKS.from] = checked.from;
    if (checked.to) errors[OVERRIDE_BLOCKS.to] = checked.to;
    if (hasErrors(errors)) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const createdBy = personIdOf(deps, body.user.id) ?? body.user.id;
    // The person on call changes at both ends: those instants get handoff rows (the job re-checks when it fires).
    const jobs = [handoffJob(subprojectId, from!), handoffJob(subprojectId, to!)];
    const created = await model.repository.createOverride({ id: `override:${view.id}`, subprojectId, person: person!, from: from!, to: to!, createdBy }, now, jobs);
    deps.jobRunner.wake();
    if (!created) return;
    const sub = model.subproject(subprojectId)!;
    const text = `:repeat: Override: ${deps.people.mention(person!)} covers *${sub.name}* from ${formatUtcShort(from!)} to ${formatUtcShort(to!)} (created by ${deps.people.mention(createdBy)}).`;
    await deps.notifier.dm(body.user.id, { text }).catch((err: unknown) => deps.log.warn({ err }, 'rota: override confirmation failed'));
    if (coverSlack && coverSlack !== body.user.id) await deps.notifier.dm(coverSlack, { text }).catch((err: unknown) => deps.log.warn({ err }, 'rota: override DM failed'));
  });
}
