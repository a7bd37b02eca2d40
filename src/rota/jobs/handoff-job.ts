import { z } from 'zod';
import { defineJob, type JobContext } from '../../platform/jobs/define-job.ts';
import type { NewJob } from '../../platform/jobs/jobs.ts';
import { handoffJobId } from '../domain/handoff-announcer.ts';
import type { RotaCommit } from '../ports.ts';
import { announceHandoff, type AnnounceHandoffDeps } from '../use-cases/announce-handoff.ts';

/** Recorded in every pending row: never rename. */
export const ROTA_JOB_KINDS = { handoff: 'rota.handoff' } as const;

const handoffPayload = z.object({ subprojectId: z.string().min(1), at: z.iso.datetime() });

export interface HandoffJobDeps extends Omit<AnnounceHandoffDeps, 'commit'> {
  /** A transaction that also completes this run of the job. */
  commitCompleting(ctx: JobContext): RotaCommit;
}

/** A subproject's handoff instant: announce who is on call from then, and schedule the next one. */
export const handoffJob = defineJob(ROTA_JOB_KINDS.handoff, handoffPayload, async (payload, ctx, deps: HandoffJobDeps) => {
  await announceHandoff({ ...deps, commit: deps.commitCompleting(ctx) }, { subprojectId: payload.subprojectId, at: new Date(payload.at), retry: ctx.job.attempts > 1 });
});

/** The row of a subproject's handoff at `at`; its id carries both, so every replica schedules it once. */
export function handoffRequest(subprojectId: string, at: Date): NewJob {
  return handoffJob.request({ id: handoffJobId(subprojectId, at), dueAt: at, payload: { subprojectId, at: at.toISOString() } });
}
