import type { SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import { prepareOverrideForm, type PrepareOverrideFormDeps } from '../../rota/use-cases/prepare-override-form.ts';
import { overrideModal } from '../../rota/views/rota-override-modal.ts';
import { subprojectOrThrow } from './rota-common.ts';

export type OverrideCommandDeps = PrepareOverrideFormDeps & { config: SubprojectsAndServices };

/** `/k8s-infra override [subproject]`: opens the modal, defaulting to the asker for the current shift. */
export function overrideCommand(deps: OverrideCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const subprojectId = ctx.args[0] ? subprojectOrThrow(deps.config, ctx.args[0]) : undefined;
    const prepared = await prepareOverrideForm(deps, { slackUser: ctx.userId, subprojectId, now: ctx.now });
    if (prepared.kind === 'refused') throw new UserFacingError(prepared.message);
    await ctx.ack();
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: overrideModal(prepared.form) });
  };
}
