import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';

/** A comment on a nomination's issue (a statement of intent, an objection), once per marker. */
export const issueCommentJob = defineJob('owners.issue-comment', z.object({ issueNumber: z.number(), body: z.string(), marker: z.string() }), async (p, _ctx, deps: Pick<NominationDeps, 'github'>) => {
  await deps.github?.comment(p.issueNumber, p.body, p.marker);
});
