import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { sayToRequester } from '../use-cases/say-to-requester.ts';
import type { RequestDeps } from '../use-cases/request-deps.ts';
import { SAYS } from '../views/ticket-messages.ts';

/** One thing told to the requester, delivered once: the job id is the delivery key. */
export const saySchema = z.object({ ticketId: z.string(), say: z.enum(SAYS) });
export const sayJob = defineJob('requests.say', saySchema, (p, ctx, deps: Pick<RequestDeps, 'tickets' | 'notifier'>) => sayToRequester(deps, p.ticketId, p.say, ctx.job.id, ctx.job.attempts));
