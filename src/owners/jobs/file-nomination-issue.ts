import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { fileNominationIssue } from '../use-cases/file-nomination-issue.ts';

/** Files a nomination's issue and posts it for the vote, after the nomination committed. */
export const fileNominationIssueJob = defineJob('owners.file-nomination-issue', z.object({ nominationId: z.string() }), (p, ctx, deps: NominationDeps) =>
  fileNominationIssue(deps, p.nominationId, ctx.job.attempts > 1),
);
