import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { reachDeadline, type DeadlineDeps } from '../use-cases/reach-deadline.ts';

/** The lazy-consensus deadline of one count (`generation`: a restarted count has its own). */
export const reachDeadlineJob = defineJob('changes.deadline', z.object({ changeId: z.string(), generation: z.number().int() }), (p, _ctx, deps: DeadlineDeps) => reachDeadline(deps, p.changeId, p.generation));
