import type { SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import type { CommandContext } from '../../platform/commands/command-router.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { staffingReports, type StaffingReportDeps } from '../../owners/use-cases/staffing-report.ts';
import { ownersMessage } from '../../owners/views/owners-report.ts';
import { subprojectOrThrow } from './subproject-arg.ts';

export type OwnersCommandDeps = { config: StaffingReportDeps['config'] & SubprojectsAndServices; people: Pick<PeopleDirectory, 'mention'> };

/** `/k8s-infra owners [subproject]`: the charter's staffing report for this UTC week. */
export function ownersCommand(deps: OwnersCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const subprojectIds = ctx.args[0] ? [subprojectOrThrow(deps.config, ctx.args[0])] : deps.config.subprojects.map((s) => s.id);
    const reports = staffingReports(deps, { subprojectIds, now: ctx.now });
    await ctx.reply({ response_type: 'ephemeral', ...ownersMessage(reports, (id) => deps.people.mention(id)) });
  };
}
