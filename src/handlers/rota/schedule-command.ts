import type { SubprojectsAndServices } from '../../core/resolve-subproject.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import type { RotaSettings } from '../../rota/settings.ts';
import { listSchedule, type ListScheduleDeps } from '../../rota/use-cases/list-schedule.ts';
import { scheduleMessage } from '../../rota/views/rota-schedule.ts';
import { subprojectOrThrow, userZone } from './rota-common.ts';

export type ScheduleCommandDeps = ListScheduleDeps & {
  config: SubprojectsAndServices;
  people: Pick<PeopleDirectory, 'bySlackId'>;
  settings: Pick<RotaSettings, 'scheduleWeeks' | 'maxScheduleWeeks'>;
};

/** `/k8s-infra schedule <subproject> [weeks]`: the coming shifts, overrides and swaps included. */
export function scheduleCommand(deps: ScheduleCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const [typed, weeksText] = ctx.args;
    if (!typed) throw new UserFacingError('Usage: `/k8s-infra schedule <subproject> [weeks]`, e.g. `/k8s-infra schedule registry 4`.');
    const subprojectId = subprojectOrThrow(deps.config, typed);
    const { scheduleWeeks, maxScheduleWeeks } = deps.settings;
    let weeks = scheduleWeeks;
    if (weeksText !== undefined) {
      weeks = Number(weeksText);
      if (!Number.isInteger(weeks) || weeks < 1) throw new UserFacingError(`\`${weeksText}\` is not a number of weeks (1 to ${maxScheduleWeeks}).`);
      weeks = Math.min(weeks, maxScheduleWeeks);
    }
    const schedule = await listSchedule(deps, { subprojectId, weeks, now: ctx.now });
    if (schedule.kind === 'no-rotation') throw new UserFacingError(`*${schedule.name}* has no rotation; pages go to its owners.`);
    const zone = await userZone(ctx.client, deps.people, ctx.userId);
    await ctx.reply({ response_type: 'ephemeral', ...scheduleMessage({ subprojectId, name: schedule.name, weeks, shifts: schedule.shifts, zone }) });
  };
}
