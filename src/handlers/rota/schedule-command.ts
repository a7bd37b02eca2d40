import type { OnCallDeps } from '../../platform/app-deps.ts';
import { scheduleMessage } from '../../rota/views/rota-schedule.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import { subprojectOrThrow, userZone } from './rota-common.ts';
import type { RotaModel } from '../../rota/rota-model.ts';

const WEEK = 7 * 86_400_000;

/** `/k8s-infra schedule <subproject> [weeks]`: the coming shifts, overrides and swaps included. */
export function scheduleCommand(deps: OnCallDeps, model: RotaModel) {
  return async (ctx: CommandContext): Promise<void> => {
    const [typed, weeksText] = ctx.args;
    if (!typed) throw new UserFacingError('Usage: `/k8s-infra schedule <subproject> [weeks]`, e.g. `/k8s-infra schedule registry 4`.');
    const id = subprojectOrThrow(deps, typed);
    const { scheduleWeeks, maxScheduleWeeks } = model.settings;
    let weeks = scheduleWeeks;
    if (weeksText !== undefined) {
      weeks = Number(weeksText);
      if (!Number.isInteger(weeks) || weeks < 1) throw new UserFacingError(`\`${weeksText}\` is not a number of weeks (1 to ${maxScheduleWeeks}).`);
      weeks = Math.min(weeks, maxScheduleWeeks);
    }
    const sub = model.subproject(id)!;
    const rotations = model.layerRotations(id);
    if (rotations.length === 0) throw new UserFacingError(`*${sub.name}* has no rotation; pages go to its owners.`);
    const zone = await userZone(ctx.client, deps, ctx.userId);
    const to = new Date(ctx.now.getTime() + weeks * WEEK);
    const layers = await model.layers(id, ctx.now, to);
    const shifts = layers.shifts(ctx.now, to).map((s) => ({
      start: s.start,
      end: s.primaryEnd,
      mention: deps.people.mention(s.person),
      why: s.why,
      layer: rotations[s.layer]?.name ?? s.rotationId,
    }));
    await ctx.reply({ response_type: 'ephemeral', ...scheduleMessage({ subprojectId: id, name: sub.name, weeks, shifts, zone }) });
  };
}
