import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { checkLive } from '../use-cases/check-live.ts';
import type { RequestDeps } from '../use-cases/request-deps.ts';

/** After the merge: asks the zone's name servers for the new answer, again with backoff, a bounded number of times. */
export const checkLiveJob = defineJob('requests.check-live', z.object({ ticketId: z.string(), check: z.number().int().min(1) }), (p, ctx, deps: RequestDeps) => checkLive(deps, p.ticketId, p.check, ctx.signal));
