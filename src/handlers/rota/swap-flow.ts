import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { OnCallDeps } from '../../platform/app-deps.ts';
import type { PreparedRotation } from '../../rota/domain/prepare-rotation.ts';
import { prepareRotation } from '../../rota/domain/prepared-cache.ts';
import { hasErrors } from '../../rota/domain/validate-override.ts';
import { validateSwapRequest } from '../../rota/domain/validate-swap.ts';
import type { NewJob } from '../../platform/jobs/jobs.ts';
import type { StoredSwap } from '../../rota/store/rota-repository.ts';
import { ACTION_IDS, CALLBACK_IDS } from '../../platform/ids.ts';
import { parseSwapOptionValue, SWAP_BLOCKS, swapDecidedMessage, swapModal, swapOptionValue, swapProposalMessage, type SwapShiftOption } from '../../rota/views/rota-swap.ts';
import { UserFacingError, type CommandContext } from '../../platform/commands/command-router.ts';
import { handoffJob } from '../../rota/jobs/handoff-jobs.ts';
import { personIdOf, userZone } from './rota-common.ts';
import type { RotaModel } from '../../rota/rota-model.ts';

const WEEK = 7 * 86_400_000;
const SWAP_WEEKS = 12;

async function prepared(model: RotaModel, rotationId: string, now: Date): Promise<PreparedRotation | undefined> {
  const rotation = model.rotations.get(rotationId);
  if (!rotation) return undefined;
  const changes = (await model.changesOf([rotationId], now, new Date(now.getTime() + SWAP_WEEKS * WEEK))).get(rotationId);
  return prepareRotation(rotation, changes);
}

/** Upcoming shifts (after swaps) of the rotations `personId` takes part in, split into theirs and others'. */
async function upcomingShifts(deps: OnCallDeps, model: RotaModel, personId: string, now: Date): Promise<{ mine: SwapShiftOption[]; theirs: SwapShiftOption[] }> {
  const mine: SwapShiftOption[] = [];
  const theirs: SwapShiftOption[] = [];
  const horizon = now.getTime() + SWAP_WEEKS * WEEK;
  for (const rotation of model.rotations.values()) {
    if (!rotation.participants.includes(personId)) continue;
    const p = await prepared(model, rotation.id, now);
    if (!p) continue;
    for (let k = Math.max(0, p.schedule.indexAt(now.getTime()) + 1); p.schedule.startOf(k) < horizon && k < 100_000; k++) {
      const holder = p.holderOf(k)?.person;
      if (!holder) continue;
      const option = { value: swapOptionValue(rotation.id, p.shiftStart(k)), rotationName: rotation.name, start: p.shiftStart(k), end: p.shiftStart(k + 1) };
      if (holder === personId) mine.push(option);
      else theirs.push({ ...option, holder: deps.people.person(holder)?.name ?? holder });
    }
  }
  const byStart = (a: SwapShiftOption, b: SwapShiftOption) => a.start.getTime() - b.start.getTime();
  return { mine: mine.sort(byStart).slice(0, 100), theirs: theirs.sort(byStart).slice(0, 100) };
}

/** `/k8s-infra swap`: a modal to propose exchanging one of your upcoming shifts for someone else's. */
export function swapCommand(deps: OnCallDeps, model: RotaModel) {
  return async (ctx: CommandContext): Promise<void> => {
    const me = personIdOf(deps, ctx.userId);
    if (!me) throw new UserFacingError('You are not in the people list of the config, so you have no shifts to swap.');
    const { mine, theirs } = await upcomingShifts(deps, model, me, ctx.now);
    if (mine.length === 0) throw new UserFacingError(`You have no shift in the next ${SWAP_WEEKS} weeks to swap.`);
    const zone = await userZone(ctx.client, deps, ctx.userId);
    await ctx.ack();
    await ctx.client.views.open({ trigger_id: ctx.triggerId, view: swapModal({ mine, theirs, zone }) });
  };
}

/** Handoff rows for every instant a swap changes: both shifts' starts and ends, in each subproject using the rotation. */
function swapJobs(model: RotaModel, p: PreparedRotation, swap: Pick<StoredSwap, 'rotationId' | 'requesterShift' | 'counterpartShift'>): NewJob[] {
  const instants = [swap.requesterShift, swap.counterpartShift].flatMap((start) => {
    const k = p.shiftIndexStartingAt(start);
    return k >= 0 ? [start, p.shiftStart(k + 1)] : [start];
  });
  const subprojects = model.config.subprojects.filter((s) => s.rotations.includes(swap.rotationId));
  return subprojects.flatMap((s) => instants.map((at) => handoffJob(s.id, at)));
}

async function ephemeral(respond: RespondFn, text: string): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

export function registerSwapFlow(app: App, deps: OnCallDeps, model: RotaModel): void {
  app.view(CALLBACK_IDS.rota.swap, async ({ ack, view, body }) => {
    const v = view.state.values;
    const now = deps.clock.now();
    const requester = personIdOf(deps, body.user.id) ?? body.user.id;
    const counterpartSlack = v[SWAP_BLOCKS.person]?.[ACTION_IDS.rota.swapPerson]?.selected_user ?? undefined;
    const counterpart = personIdOf(deps, counterpartSlack);
    const mine = parseSwapOptionValue(v[SWAP_BLOCKS.mine]?.[ACTION_IDS.rota.swapMine]?.selected_option?.value);
    const theirs = parseSwapOptionValue(v[SWAP_BLOCKS.theirs]?.[ACTION_IDS.rota.swapTheirs]?.selected_option?.value);
    const errors: Record<string, string> = {};
    if (counterpartSlack && !counterpart) errors[SWAP_BLOCKS.person] = 'That person is not in the people list of the config.';
    if (mine && theirs && mine.rotationId !== theirs.rotationId) errors[SWAP_BLOCKS.theirs] = 'Pick a shift of the same rotation as yours.';
    const p = mine ? await prepared(model, mine.rotationId, now) : undefined;
    if (!hasErrors(errors)) {
      if (!p) errors[SWAP_BLOCKS.mine] = 'Choose your shift.';
      else {
        const checked = validateSwapRequest({ requester, counterpart: counterpart ?? counterpartSlack, myShift: mine?.start, theirShift: theirs?.start }, p, now);
        if (checked.person) errors[SWAP_BLOCKS.person] = checked.person;
        if (checked.myShift) errors[SWAP_BLOCKS.mine] = checked.myShift;
        if (checked.theirShift) errors[SWAP_BLOCKS.theirs] = checked.theirShift;
      }
    }
    if (hasErrors(errors)) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const swap = { id: `swap:${view.id}`, rotationId: mine!.rotationId, requester, requesterShift: mine!.start, counterpart: counterpart!, counterpartShift: theirs!.start };
    if (!(await model.repository.proposeSwap(swap, now))) return;
    const other = deps.people.person(counterpart!);
    const rotationName = model.rotations.get(swap.rotationId)?.name ?? swap.rotationId;
    const zone = other?.timezone ?? 'UTC';
    await deps.notifier.dm(other!.slack, swapProposalMessage({ swapId: swap.id, requester: deps.people.mention(requester), rotationName, theyGiveUp: swap.counterpartShift, theyGet: swap.requesterShift, zone }));
    await deps.notifier
      .dm(body.user.id, { text: `:incoming_envelope: Swap proposed to ${deps.people.mention(counterpart!)} on ${rotationName}; you will get a DM when they answer.` })
      .catch((err: unknown) => deps.log.warn({ err }, 'rota: swap confirmation failed'));
  });

  const decide = (decision: 'accepted' | 'declined') =>
    async ({ ack, action, body, respond }: { ack: () => Promise<void>; action: ButtonAction; body: BlockAction; respond: RespondFn }) => {
      await ack();
      const now = deps.clock.now();
      const swap = await model.repository.getSwap(action.value ?? '');
      if (!swap) return ephemeral(respond, 'That swap proposal no longer exists.');
      const by = personIdOf(deps, body.user.id);
      if (by !== swap.counterpart) return ephemeral(respond, `:no_entry: Only ${deps.people.mention(swap.counterpart)} can answer this swap proposal.`);
      const p = await prepared(model, swap.rotationId, now);
      let outcome = decision;
      if (decision === 'accepted' && swap.status === 'proposed' && p) {
        const stillValid = validateSwapRequest({ requester: swap.requester, counterpart: swap.counterpart, myShift: swap.requesterShift, theirShift: swap.counterpartShift }, p, now);
        if (hasErrors(stillValid)) {
          await ephemeral(respond, `:warning: This swap can no longer happen: ${Object.values(stillValid).join(' ')} It is declined.`);
          outcome = 'declined';
        }
      }
      const result = await model.repository.decideSwap(swap.id, outcome, by, now, outcome === 'accepted' && p ? swapJobs(model, p, swap) : []);
      if (result.kind === 'not-found') return ephemeral(respond, 'That swap proposal no longer exists.');
      if (result.kind === 'already') {
        return ephemeral(respond, `Already ${result.swap.status} by ${deps.people.mention(result.swap.decidedBy ?? swap.counterpart)}.`);
      }
      deps.jobRunner.wake();
      const rotationName = model.rotations.get(swap.rotationId)?.name ?? swap.rotationId;
      const view = (personId: string, giveUp: Date, get: Date) => ({
        requester: deps.people.mention(swap.requester),
        rotationName,
        theyGiveUp: giveUp,
        theyGet: get,
        zone: deps.people.person(personId)?.timezone ?? 'UTC',
        decision: outcome,
        decidedBy: deps.people.mention(swap.counterpart),
      });
      await respond({ replace_original: true, ...swapDecidedMessage(view(swap.counterpart, swap.counterpartShift, swap.requesterShift)) });
      const requesterSlack = deps.people.person(swap.requester)?.slack;
      if (requesterSlack) await deps.notifier.dm(requesterSlack, swapDecidedMessage(view(swap.requester, swap.requesterShift, swap.counterpartShift)));
    };

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.rota.swapAccept, decide('accepted'));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.rota.swapDecline, decide('declined'));
}
