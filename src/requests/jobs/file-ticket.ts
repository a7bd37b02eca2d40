import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { fileTicket } from '../use-cases/file-ticket.ts';
import { tellQueued } from '../use-cases/tell-queued.ts';
import type { RequestDeps } from '../use-cases/request-deps.ts';

/** Files a ticket on GitHub; GitHub down: retried with backoff, the requester told it is queued. */
export const fileTicketJob = defineJob('requests.file', z.object({ ticketId: z.string() }), async (p, ctx, deps: RequestDeps) => {
  try {
    await fileTicket(deps, p.ticketId, ctx.job.attempts);
  } catch (err) {
    await tellQueued(deps, p.ticketId);
    throw err;
  }
});
