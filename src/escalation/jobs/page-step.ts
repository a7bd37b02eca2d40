import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { JOB_PRIORITY } from '../../platform/jobs/job-priority.ts';
import { fireStep } from '../domain/escalation-engine.ts';
import type { DirectoryLookup } from '../ports/directory-lookup.ts';
import type { PageStore } from '../ports/page-store.ts';

export interface PageStepDeps {
  pages: Pick<PageStore, 'load' | 'transition'>;
  directoryFor: DirectoryLookup;
}

/**
 * `page-step`: a step's delay ran out. The job carries the `stepSeq` it was scheduled for, so one
 * made stale by an acknowledgement or "Escalate now" changes nothing (`fireStep` says so). Its
 * id is `${pageId}:step:${stepSeq}`; the job completes in the transaction of the step it fired.
 */
export const pageStepJob = defineJob('page-step', z.object({ pageId: z.string(), stepSeq: z.number().int() }), async ({ pageId, stepSeq }, ctx, deps: PageStepDeps) => {
  const page = await deps.pages.load(pageId);
  if (!page) return;
  const directory = await deps.directoryFor(page.subprojectId, ctx.now);
  await deps.pages.transition(pageId, ctx.now, (s) => fireStep(s, ctx.now, directory, { stepSeq }), {
    audit: (r) =>
      r.effects.some((e) => e.kind === 'notify')
        ? { actor: 'system', action: 'page.escalated', payload: { step: r.state.stepIndex + 1, pass: r.state.pass, dueAt: ctx.job.dueAt.toISOString() } }
        : r.effects.some((e) => e.kind === 'policy-exhausted')
          ? { actor: 'system', action: 'page.exhausted', payload: { passes: r.state.pass } }
          : undefined,
    completing: ctx,
  });
}, { priority: JOB_PRIORITY.deadline });

/** Step jobs are named for the page and the step they fire, so the page knows which to cancel. */
export function stepJobId(pageId: string, stepSeq: number): string {
  return `${pageId}:step:${stepSeq}`;
}
