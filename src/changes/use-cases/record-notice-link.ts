import { noticeLinked } from '../domain/consensus-steps.ts';
import { applyStep, type StepOutcome } from './apply-step.ts';
import type { ChangeDeps } from './change-deps.ts';
import { deadlineFor } from './deadline-for.ts';

/** The kubernetes-dev@ thread's archive link, recorded on the change and its issue. */
export async function recordNoticeLink(deps: Pick<ChangeDeps, 'changes' | 'clock' | 'directory'>, changeId: string, url: string, by: string): Promise<StepOutcome> {
  return applyStep(deps, changeId, (c, now) => noticeLinked(c.change, url, by, now, deps.directory.rules, () => deadlineFor(deps.directory, c.change, now)));
}
