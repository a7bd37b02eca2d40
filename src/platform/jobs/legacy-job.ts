import type { BoundJob, JobContext } from './define-job.ts';
import type { Job } from './jobs.ts';

/** Transitional: a handler written against the raw row, until its kind moves to `defineJob`. */
export function legacyJob(kind: string, handler: (job: Job, ctx: JobContext) => Promise<void>): BoundJob {
  return { kind, run: (payload, ctx) => handler({ id: ctx.job.id, kind, dueAt: ctx.job.dueAt, payload, attempts: ctx.job.attempts }, ctx) };
}
