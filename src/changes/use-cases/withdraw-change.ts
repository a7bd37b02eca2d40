import { mayWithdraw } from '../domain/review-policy.ts';
import { withdraw } from '../domain/window-steps.ts';
import { applyStep, type StepOutcome } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';

/** Called off by its author or a lead: timers cancelled, the issue closed as not planned. */
export async function withdrawChange(deps: Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>, changeId: string, by: string): Promise<StepOutcome> {
  return applyStep(deps, changeId, (c, now) => {
    const allowed = mayWithdraw(c.change, by, deps.directory.rules);
    return allowed.ok ? withdraw(c.change, by, now) : { ok: false, reason: allowed.reason };
  });
}
