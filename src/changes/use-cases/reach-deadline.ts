import { deadlineReached } from '../domain/consensus-steps.ts';
import { whoOnGithub } from '../domain/people-text.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type DeadlineDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>;

/** The deadline: lazy consensus reached, blocked by an objection, or waiting for the notice. */
export async function reachDeadline(deps: DeadlineDeps, changeId: string, generation: number): Promise<void> {
  const githubOf = (slackId: string) => deps.directory.githubOf(slackId);
  await applyStep(deps, changeId, (c, now) => deadlineReached(c.change, c.reviews, generation, now, deps.directory.rules, (r) => whoOnGithub(r.reviewer, githubOf)));
}
