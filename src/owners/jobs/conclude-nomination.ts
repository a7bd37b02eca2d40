import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { concludeNomination } from '../use-cases/conclude-nomination.ts';

/** A nomination's lazy-consensus deadline, booked when it is filed. */
export const concludeNominationJob = defineJob('owners.conclude-nomination', z.object({ nominationId: z.string() }), async (p, ctx, deps: NominationDeps) => {
  await concludeNomination(deps, p.nominationId, ctx.now, ctx.job.attempts > 1);
});
