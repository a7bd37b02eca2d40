import { reminderDue } from '../domain/consensus-steps.ts';
import { applyStep } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

export type DeadlineDeps = Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>;

/** A day before the deadline (of this count: a restarted count has its own reminder). */
export async function remindDeadline(deps: DeadlineDeps, changeId: string, generation: number): Promise<void> {
  await applyStep(deps, changeId, (c) => reminderDue(c.change, c.reviews, generation));
}
