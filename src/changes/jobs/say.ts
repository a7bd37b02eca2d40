import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { deliverSay, type DeliverSayDeps } from '../use-cases/deliver-say.ts';
import { saySchema, targetSchema } from './payloads.ts';

/** One message about a change (thread, channel or DM), delivered once: its job id is the delivery key. */
export const sayJob = defineJob('changes.say', z.object({ changeId: z.string(), target: targetSchema, say: saySchema }), (p, ctx, deps: DeliverSayDeps) =>
  deliverSay(deps, p.changeId, p.target, p.say, ctx.job.id, ctx.job.attempts),
);
