import type { HomeRefresher } from '../../platform/home/home-contract.ts';
import type { KnownBlock } from '@slack/types';
import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { audit, schedule } from '../../platform/outbox/effects.ts';
import type { PreparedRotation } from '../domain/prepare-rotation.ts';
import { mayAnswerSwap } from '../domain/rota-policy.ts';
import { hasErrors } from '../domain/validate-override.ts';
import { validateSwapRequest } from '../domain/validate-swap.ts';
import type { DecideResult, HandoffRequest, RotaCommit, RotaReads, RotaRefusals, StoredSwap } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';
import { swapDecidedMessage } from '../views/rota-swap.ts';
import { SWAP_WEEKS } from './list-swappable-shifts.ts';

const WEEK = 7 * 86_400_000;

export interface DecideSwapDeps {
  model: Pick<RotaModel, 'rotations' | 'prepared' | 'subprojectsUsing'>;
  swaps: Pick<RotaReads, 'getSwap'>;
  people: Pick<PeopleDirectory, 'bySlackId' | 'person' | 'mention'>;
  commit: RotaCommit;
  handoffAt: HandoffRequest;
  notifier: Pick<Notifier, 'dm'>;
  clock: Clock;
  refusals: RotaRefusals;
  home: HomeRefresher;
}

/** Where the answer shows: to the person who clicked, and in place of the proposal they clicked. */
export interface SwapAnswer {
  tell(text: string): Promise<void>;
  replace(message: { text: string; blocks: KnownBlock[] }): Promise<void>;
}

export type DecideSwapOutcome = 'missing' | 'refused' | 'already' | 'accepted' | 'declined';

/**
 * Accept or Decline on a swap proposal. Only the person it was proposed to may answer; a swap
 * that can no longer happen (a shift started, changed hands) is declined instead. Decided once,
 * however often it is clicked: the others are told the standing decision. An accepted swap
 * commits with its audit entry and handoff rows at the instants it changes.
 */
export async function decideSwap(deps: DecideSwapDeps, click: { swapId: string; decision: 'accepted' | 'declined'; slackUser: string }, answer: SwapAnswer): Promise<DecideSwapOutcome> {
  const now = deps.clock.now();
  const swap = await deps.swaps.getSwap(click.swapId);
  if (!swap) {
    await answer.tell('That swap proposal no longer exists.');
    return 'missing';
  }
  const by = deps.people.bySlackId(click.slackUser)?.id;
  if (!by || !mayAnswerSwap(by, swap)) {
    await deps.refusals.record({ actor: click.slackUser, action: 'swap.answer', subject: `swap:${swap.id}`, reason: 'only the person it was proposed to may answer' });
    await answer.tell(`:no_entry: Only ${deps.people.mention(swap.counterpart)} can answer this swap proposal.`);
    return 'refused';
  }
  const p = await deps.model.prepared(swap.rotationId, now, new Date(now.getTime() + SWAP_WEEKS * WEEK));
  let outcome = click.decision;
  if (outcome === 'accepted' && swap.status === 'proposed' && p) {
    const stillValid = validateSwapRequest({ requester: swap.requester, counterpart: swap.counterpart, myShift: swap.requesterShift, theirShift: swap.counterpartShift }, p, now);
    if (hasErrors(stillValid)) {
      await answer.tell(`:warning: This swap can no longer happen: ${Object.values(stillValid).join(' ')} It is declined.`);
      outcome = 'declined';
    }
  }
  const result = await deps.commit<DecideResult>(async (tx, at) => {
    const decided = await tx.decideSwap(swap.id, outcome, by, at);
    if (decided.kind !== 'decided') return { result: decided, effects: [] };
    const handoffs = outcome === 'accepted' && p ? handoffsOf(deps, p, swap).map((job) => schedule(job)) : [];
    return {
      result: decided,
      effects: [audit({ at, actor: by, action: outcome === 'accepted' ? 'swap.accepted' : 'swap.declined', subject: `rotation:${swap.rotationId}`, payload: { swapId: swap.id } }), ...handoffs],
    };
  });
  if (result.kind === 'not-found') {
    await answer.tell('That swap proposal no longer exists.');
    return 'missing';
  }
  if (result.kind === 'already') {
    await answer.tell(`Already ${result.swap.status} by ${deps.people.mention(result.swap.decidedBy ?? swap.counterpart)}.`);
    return 'already';
  }
  const rotationName = deps.model.rotations.get(swap.rotationId)?.name ?? swap.rotationId;
  const view = (personId: string, giveUp: Date, get: Date) => ({
    requester: deps.people.mention(swap.requester),
    rotationName,
    theyGiveUp: giveUp,
    theyGet: get,
    zone: deps.people.person(personId)?.timezone ?? 'UTC',
    decision: outcome,
    decidedBy: deps.people.mention(swap.counterpart),
  });
  await answer.replace(swapDecidedMessage(view(swap.counterpart, swap.counterpartShift, swap.requesterShift)));
  if (outcome === 'accepted') deps.home.refresh([swap.requester, swap.counterpart]);
  const requesterSlack = deps.people.person(swap.requester)?.slack;
  if (requesterSlack) await deps.notifier.dm(requesterSlack, swapDecidedMessage(view(swap.requester, swap.requesterShift, swap.counterpartShift)));
  return outcome;
}

/** Handoff rows for every instant a swap changes: both shifts' starts and ends, in each subproject using the rotation. */
function handoffsOf(deps: Pick<DecideSwapDeps, 'model' | 'handoffAt'>, p: PreparedRotation, swap: Pick<StoredSwap, 'rotationId' | 'requesterShift' | 'counterpartShift'>) {
  const instants = [swap.requesterShift, swap.counterpartShift].flatMap((start) => {
    const k = p.shiftIndexStartingAt(start);
    return k >= 0 ? [start, p.shiftStart(k + 1)] : [start];
  });
  return deps.model.subprojectsUsing(swap.rotationId).flatMap((s) => instants.map((at) => deps.handoffAt(s.id, at)));
}
