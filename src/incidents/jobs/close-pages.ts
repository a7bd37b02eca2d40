import { z } from 'zod';
import { defineJob } from '../../platform/jobs/define-job.ts';
import { closePages, type ClosePagesDeps } from '../use-cases/close-pages.ts';

/** After resolution, so paging's own rules and PagerDuty calls stay out of the resolving transaction. */
export const closePagesJob = defineJob('incident.close-pages', z.object({ incidentId: z.string(), by: z.string() }), (p, _ctx, deps: ClosePagesDeps) => closePages(deps, p.incidentId, p.by));
