import type { JobContext } from '../../../src/platform/jobs/define-job.ts';

/** What the runner tells a handler, for running a bound job by hand. */
export function jobContext(kind: string, id: string, now: Date): JobContext {
  return { job: { id, kind, dueAt: now, attempts: 0 }, worker: 'test', now, complete: async () => true, signal: new AbortController().signal };
}
