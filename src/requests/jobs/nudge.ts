import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { nudgeIdleTicket } from '../use-cases/nudge-idle-ticket.ts';
import type { RequestDeps } from '../use-cases/request-deps.ts';

/** Due when a ticket would have been idle for `idleDays`; a ticket that moved meanwhile is left alone. */
export const nudgeJob = defineJob('requests.nudge', z.object({ ticketId: z.string(), since: z.number().int() }), (p, ctx, deps: RequestDeps) => nudgeIdleTicket(deps, p.ticketId, p.since, ctx.job.id, ctx.job.attempts));
