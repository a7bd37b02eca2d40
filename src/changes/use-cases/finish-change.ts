import { mayFinish } from '../domain/review-policy.ts';
import { finish } from '../domain/window-steps.ts';
import { applyStep, type StepOutcome } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

/** Done or rolled back, said by the author or a lead once the window has started. */
export async function finishChange(deps: Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>, changeId: string, outcome: 'done' | 'rolled-back', by: string): Promise<StepOutcome> {
  return applyStep(deps, changeId, (c, now) => {
    const allowed = mayFinish(c.change, by, now, deps.directory.rules);
    return allowed.ok ? finish(c.change, outcome, by, now) : { ok: false, reason: allowed.reason };
  });
}
