import type { Verdict } from '../domain/change.ts';
import { recordReview } from '../domain/review-steps.ts';
import { applyStep, type StepOutcome } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type ReviewChangeDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>;

/** An approval or an objection from Slack; `key` (the click's or the form's) keys its thread note. */
export async function reviewChange(deps: ReviewChangeDeps, changeId: string, reviewer: string, verdict: Exclude<Verdict, 'withdrawn'>, reason: string, key: string): Promise<StepOutcome> {
  const githubOf = (slackId: string) => deps.directory.githubOf(slackId);
  return applyStep(deps, changeId, (c, now) => recordReview(c.change, c.reviews, { reviewer, verdict, reason, source: 'slack', key }, now, deps.directory.rules, githubOf));
}
