import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { setUpIncident, type SetUpIncidentDeps } from '../use-cases/set-up-incident.ts';

/** Runs right after the declaration commits: the declarer's modal closed at once, the rest happens here. */
export const setUpIncidentJob = defineJob('incident.setup', z.object({ incidentId: z.string() }), (p, ctx, deps: SetUpIncidentDeps) => setUpIncident(deps, p.incidentId, ctx.job.attempts));
