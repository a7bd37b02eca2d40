import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { postTimeline, type PostTimelineDeps } from '../use-cases/post-timeline.ts';

/**
 * `page-thread`: timeline entries [from, to) of a page, posted in its channel thread (job id
 * `page-thread:<page id>:<from>`). Retried until posted, each reply keyed, so a line is never lost
 * and, looked for first on a retry, never doubled.
 */
export const pageThreadJob = defineJob(
  'page-thread',
  z.object({ pageId: z.string(), from: z.number().int().min(0), to: z.number().int().min(1) }),
  async (batch, ctx, deps: PostTimelineDeps) => {
    await postTimeline(deps, batch, { retry: ctx.job.attempts > 1 }, ctx.now);
  },
);
