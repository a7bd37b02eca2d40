import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { remindDeadline, type DeadlineDeps } from '../use-cases/remind-deadline.ts';

/** `changes.reminderHoursBefore` (24) before the lazy-consensus deadline. */
export const remindDeadlineJob = defineJob('changes.remind', z.object({ changeId: z.string(), generation: z.number().int() }), (p, _ctx, deps: DeadlineDeps) => remindDeadline(deps, p.changeId, p.generation));
