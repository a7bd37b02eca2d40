import type { OnCallDeps } from '../../platform/app-deps.ts';
import { staffingReport, utcWeekStart } from '../../rota/domain/staffing.ts';
import { ownersMessage } from '../../rota/views/rota-owners.ts';
import type { CommandContext } from '../../platform/commands/command-router.ts';
import { subprojectOrThrow } from './rota-common.ts';

/** `/k8s-infra owners [subproject]`: the charter's staffing report for this UTC week. */
export function ownersCommand(deps: OnCallDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const ids = ctx.args[0] ? [subprojectOrThrow(deps, ctx.args[0])] : deps.config.subprojects.map((s) => s.id);
    const people = deps.config.people.map((p) => ({ id: p.id, affiliation: p.affiliation, timezone: p.timezone, workingHours: p.workingHours }));
    const week = utcWeekStart(ctx.now);
    const reports = ids.map((id) => {
      const s = deps.config.subprojects.find((x) => x.id === id)!;
      return staffingReport({ id: s.id, name: s.name, owners: s.owners, bootstrapping: s.bootstrapping }, people, week);
    });
    await ctx.reply({ response_type: 'ephemeral', ...ownersMessage(reports, (id) => deps.people.mention(id)) });
  };
}
