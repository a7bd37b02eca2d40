import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import type { NominationDeps } from '../ports/nomination-deps.ts';
import { applyOffboarding } from '../use-cases/apply-offboarding.ts';

/** Files an offboarding's issue and opens its pull request, after it committed. */
export const applyOffboardingJob = defineJob('owners.apply-offboarding', z.object({ nominationId: z.string() }), (p, ctx, deps: NominationDeps) => applyOffboarding(deps, p.nominationId, ctx.job.attempts > 1));
