import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { closeLiveIssue } from '../use-cases/close-live-issue.ts';
import type { RequestDeps } from '../use-cases/request-deps.ts';

/** Closes the issue of a live ticket with a comment saying what the name servers answer. */
export const closeIssueJob = defineJob('requests.close-issue', z.object({ ticketId: z.string() }), (p, _ctx, deps: RequestDeps) => closeLiveIssue(deps, p.ticketId));
