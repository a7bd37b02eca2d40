import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.ts';
import type { Notifier } from '../../core/notifier.ts';
import type { PeopleDirectory } from '../../platform/config/people-directory.ts';
import { audit } from '../../platform/outbox/effects.ts';
import { hasErrors } from '../domain/validate-override.ts';
import { validateSwapRequest, type SwapErrors } from '../domain/validate-swap.ts';
import type { RotaCommit } from '../ports.ts';
import type { RotaModel } from '../rota-model.ts';
import { swapProposalMessage } from '../views/rota-swap.ts';
import { SWAP_WEEKS } from './list-swappable-shifts.ts';

const WEEK = 7 * 86_400_000;

export interface ProposeSwapDeps {
  model: Pick<RotaModel, 'rotations' | 'prepared'>;
  people: Pick<PeopleDirectory, 'bySlackId' | 'person' | 'mention'>;
  commit: RotaCommit;
  notifier: Pick<Notifier, 'dm'>;
  clock: Clock;
  log: Pick<Logger, 'warn'>;
}

/** A shift as the modal's selects name it. */
export interface ShiftChoice {
  rotationId: string;
  start: Date;
}

export interface SwapSubmission {
  /** The modal's view id: a double submission proposes once. */
  viewId: string;
  submittedBy: string;
  /** Slack user chosen to swap with. */
  counterpart?: string | undefined;
  mine?: ShiftChoice | undefined;
  theirs?: ShiftChoice | undefined;
}

export type ProposeSwapOutcome = 'invalid' | 'proposed' | 'exists';

/**
 * The swap modal's submission: checked against the rotation as it stands (swaps already agreed
 * included), answered (`answer`: Slack's ack, with errors or empty) before the proposal is
 * stored with its audit entry; then the other person gets a DM to accept or decline.
 */
export async function proposeSwap(deps: ProposeSwapDeps, submission: SwapSubmission, answer: (errors?: SwapErrors) => Promise<void>): Promise<ProposeSwapOutcome> {
  const now = deps.clock.now();
  const { mine, theirs } = submission;
  const requester = deps.people.bySlackId(submission.submittedBy)?.id ?? submission.submittedBy;
  const counterpart = submission.counterpart ? deps.people.bySlackId(submission.counterpart)?.id : undefined;
  const errors: SwapErrors = {};
  if (submission.counterpart && !counterpart) errors.person = 'That person is not in the people list of the config.';
  if (mine && theirs && mine.rotationId !== theirs.rotationId) errors.theirShift = 'Pick a shift of the same rotation as yours.';
  const p = mine ? await deps.model.prepared(mine.rotationId, now, new Date(now.getTime() + SWAP_WEEKS * WEEK)) : undefined;
  if (!hasErrors(errors)) {
    if (!p) errors.myShift = 'Choose your shift.';
    else Object.assign(errors, validateSwapRequest({ requester, counterpart: counterpart ?? submission.counterpart, myShift: mine?.start, theirShift: theirs?.start }, p, now));
  }
  // Without errors every field is there; the second test only tells the compiler so.
  if (hasErrors(errors) || !mine || !theirs || !counterpart) {
    await answer(errors);
    return 'invalid';
  }
  await answer();
  const swap = { id: `swap:${submission.viewId}`, rotationId: mine.rotationId, requester, requesterShift: mine.start, counterpart, counterpartShift: theirs.start };
  const proposed = await deps.commit(async (tx, at) => {
    if (!(await tx.insertSwap(swap, at))) return { result: false, effects: [] };
    const payload = { swapId: swap.id, requester, requesterShift: swap.requesterShift.toISOString(), counterpart, counterpartShift: swap.counterpartShift.toISOString() };
    return { result: true, effects: [audit({ at, actor: requester, action: 'swap.proposed', subject: `rotation:${swap.rotationId}`, payload })] };
  });
  if (!proposed) return 'exists';
  const other = deps.people.person(counterpart);
  const rotationName = deps.model.rotations.get(swap.rotationId)?.name ?? swap.rotationId;
  if (other) {
    await deps.notifier.dm(
      other.slack,
      swapProposalMessage({ swapId: swap.id, requester: deps.people.mention(requester), rotationName, theyGiveUp: swap.counterpartShift, theyGet: swap.requesterShift, zone: other.timezone }),
    );
  }
  await deps.notifier
    .dm(submission.submittedBy, { text: `:incoming_envelope: Swap proposed to ${deps.people.mention(counterpart)} on ${rotationName}; you will get a DM when they answer.` })
    .catch((err: unknown) => deps.log.warn({ err }, 'rota: swap confirmation failed'));
  return 'proposed';
}
