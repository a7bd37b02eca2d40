import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { listSwappableShifts, SWAP_WEEKS, type ListSwappableShiftsDeps } from '../../rota/use-cases/list-swappable-shifts.ts';
import { swapModal } from '../../rota/views/rota-swap.ts';
import { userZone } from './rota-common.ts';

export type SwapCommandDeps = ListSwappableShiftsDeps & { people: Pick<PeopleDirectory, 'bySlackId' | 'person'> };

/** `/k8s-infra swap`: a modal to propose exchanging one of your upcoming shifts for someone else's. */
export function swapCommand(deps: SwapCommandDeps) {
  return async (ctx: CommandContext): Promise<void> => {
    const me = deps.people.bySlackId(ctx.userId)?.id;
    if (!me) throw new UserFacingError('You are not in the people list of the config, so you have no shifts to swap.');
    const { mine, theirs } = await listSwappableShifts(deps, { personId: me, now: ctx.now });
    if (mine.length === 0) throw new UserFacingError(`You have no shift in the next ${SWAP_WEEKS} weeks to swap.`);
    const zone = await userZone(ctx.client, deps.people, ctx.userId);
    await ctx.ack();
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: swapModal({ mine, theirs, zone }) });
  };
}
