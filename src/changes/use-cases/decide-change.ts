import { decide } from '../domain/review-steps.ts';
import { applyStep, type StepOutcome } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

/** The reviewers' decision on an objection that held the change at its deadline. */
export async function decideChange(deps: Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>, changeId: string, by: string, accept: boolean): Promise<StepOutcome> {
  return applyStep(deps, changeId, (c, now) => decide(c.change, c.reviews, by, accept, now, deps.directory.rules));
}
