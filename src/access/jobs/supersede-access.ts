import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { supersedeAccess, type SupersedeAccessDeps } from '../use-cases/supersede-access.ts';

/** `access.supersede`: an approved extension took over; the request it extends stops (its expiry cancelled). */
export const supersedeAccessJob = defineJob('access.supersede', z.object({ requestId: z.string().min(1), by: z.string().min(1) }), (payload, ctx, deps: SupersedeAccessDeps) =>
  supersedeAccess(deps, payload.requestId, payload.by, ctx),
);
