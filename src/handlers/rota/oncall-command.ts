import type { SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import type { CommandContext } from '../../platform/commands/command-router.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { whoIsOnCall, type WhoIsOnCallDeps } from '../../rota/use-cases/who-is-on-call.ts';
import { onCallMessage } from '../../rota/views/rota-oncall.ts';
import { subprojectOrThrow, userZone } from './rota-common.ts';

export type OncallCommandDeps = WhoIsOnCallDeps & { config: SubprojectsAndServices; people: Pick<PeopleDirectory, 'bySlackId'> };

/** `/k8s-infra oncall [subproject]`: who is on call now and next, with the handoff time in the reader's zone. */
export function oncallCommand(deps: OncallCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const subprojectIds = ctx.args[0] ? [subprojectOrThrow(deps.config, ctx.args[0])] : deps.config.subprojects.map((s) => s.id);
    const zone = await userZone(ctx.client, deps.people, ctx.userId);
    const entries = await whoIsOnCall(deps, { subprojectIds, now: ctx.now });
    await ctx.reply({ response_type: 'ephemeral', ...onCallMessage(entries, zone) });
  };
}
